import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../schema';
import { localeFor } from '../i18n/locale';
import { abbreviate, changeWords, historyCopyKey, historyLines, historyPath, parseHistory } from './history-lines';
import { shortDeviceId } from './short-device-id';

const entry = (seq: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  seq,
  op: 'upsert',
  serverTime: `2026-11-0${seq}T03:00:00.000Z`,
  userId: 'u1',
  userName: 'Siti Rahma',
  deviceId: '019a0000-0000-7000-8000-00000000abcd',
  mutationId: `m${seq}`,
  changes: [],
  ...overrides,
});

describe('a record history in lines', () => {
  it('newest first; the first entry created the record, later ones changed or deleted it', () => {
    const lines = historyLines([
      entry(1, { changes: [{ field: 'status', from: null, to: 'available' }] }),
      entry(3, { op: 'delete' }),
      entry(2, { changes: [{ field: 'status', from: 'available', to: 'occupied' }] }),
    ]);
    expect(lines.map((l) => [l.seq, l.action])).toEqual([
      [3, 'deleted'],
      [2, 'changed'],
      [1, 'created'],
    ]);
  });

  it('the oldest entry known is a change, not a creation, when fields had values before', () => {
    expect(historyLines([entry(5, { changes: [{ field: 'status', from: 'available', to: 'occupied' }] })])[0]?.action).toBe('changed');
  });

  it('leaves out the bookkeeping every write changes', () => {
    const [line] = historyLines([
      entry(2, {
        changes: [
          { field: 'version', from: 1, to: 2 },
          { field: 'updatedAt', from: 'a', to: 'b' },
          { field: 'updatedBy', from: 'x', to: 'y' },
          { field: 'notes', from: 'a', to: 'b' },
        ],
      }),
      entry(1),
    ]);
    expect(line?.changes.map((c) => c.field)).toEqual(['notes']);
  });

  it('says a change in the words of the screens, long values cut', () => {
    const id = localeFor('id');
    expect(changeWords(id, 'units', { field: 'status', from: 'available', to: 'under_repair' })).toEqual({
      field: id.t('unit.status'),
      from: id.t('status.available'),
      to: id.t('status.under_repair'),
    });
    expect(changeWords(id, 'units', { field: 'monthlyRent', from: null, to: 300000 }).from).toBe('(kosong)');
    const checklist = Array.from({ length: 30 }, (_, i) => ({ item: `item-${i}`, rating: 3 }));
    const shown = changeWords(id, 'inspections', { field: 'checklist', from: [], to: checklist });
    expect(shown.field).toBe('checklist');
    expect(shown.to.length).toBe(120);
    expect(shown.to.endsWith('…')).toBe(true);
  });

  it('names references by the kind of record, and ids by their end', () => {
    const id = localeFor('id');
    expect(changeWords(id, 'units', { field: 'siteId', from: null, to: '01a2106b-b9de-79ab-8ace-e9c5d6a4a113' })).toEqual({ field: 'Rusun', from: '(kosong)', to: '…a4a113' });
    expect(changeWords(id, 'inspections', { field: 'regionId', from: null, to: 'x' }).field).toBe('Wilayah');
  });

  it('abbreviates only what is long, and flattens line breaks', () => {
    expect(abbreviate('pendek')).toBe('pendek');
    expect(abbreviate('baris satu\nbaris dua')).toBe('baris satu baris dua');
    expect(abbreviate('x'.repeat(121))).toBe(`${'x'.repeat(119)}…`);
    expect(shortDeviceId('019a0000-0000-7000-8000-00000000abcd')).toBe('…00abcd');
  });

  it('keys and paths name the record; the parser takes only the server’s shape', () => {
    expect(historyCopyKey('units', 'u-1')).toBe('history:units:u-1');
    expect(historyPath('units', 'a/b')).toBe('/api/history/units/a%2Fb');
    const answer = { entity: 'units', recordId: 'u-1', entries: [entry(1)] };
    expect(parseHistory(answer)).toEqual(answer);
    expect(parseHistory({ entity: 'units', recordId: 'u-1', entries: [{ seq: 'one' }] })).toBeNull();
  });
});

describe('an application\u2019s and a household\u2019s fields in history', () => {
  it('are named as the officer\u2019s form names them, members included', () => {
    const id = localeFor('id');
    expect(changeWords(id, 'households', { field: 'headIncome', from: null, to: null }).field).toBe('Penghasilan kepala keluarga');
    expect(changeWords(id, 'households', { field: 'members.1.income', from: null, to: null }).field).toBe('Anggota keluarga 2: Penghasilan');
    expect(changeWords(localeFor('en'), 'applications', { field: 'statement', from: null, to: null }).field).not.toBe('statement');
  });
});

describe('an application\u2019s status in history and conflicts', () => {
  it('is said as its badge says it', () => {
    expect(changeWords(localeFor('id'), 'applications', { field: 'status', from: 'approved', to: 'waitlisted' })).toMatchObject({ field: 'Status', from: 'Disetujui', to: 'Daftar tunggu' });
  });
});
