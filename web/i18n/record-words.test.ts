import { describe, expect, it } from 'vitest';
import { localeFor } from './locale';
import { entityWords, fieldWords, valueWords } from './record-words';

const id = localeFor('id');
const en = localeFor('en');

describe('records in words', () => {
  it('names entities and fields, falling back to the wire name', () => {
    expect(entityWords(id, 'inspections')).toBe('Pemeriksaan');
    expect(entityWords(en, 'units')).toBe('Unit');
    expect(entityWords(id, 'leases')).toBe('Kontrak sewa');
    expect(entityWords(id, 'programRules')).toBe('programRules');
    expect(fieldWords(id, 'units', 'monthlyRent')).toBe('Sewa per bulan');
    expect(fieldWords(en, 'inspections', 'type')).toBe('Inspection type');
    expect(fieldWords(en, 'units', 'colour')).toBe('colour');
  });

  it('shows values as the screens do', () => {
    expect(valueWords(id, 'units', 'status', 'under_repair')).toBe('Dalam perbaikan');
    expect(valueWords(id, 'units', 'monthlyRent', 350_000).replace(/\s/g, ' ')).toBe('Rp 350.000');
    expect(valueWords(en, 'inspections', 'type', 'move_out')).toBe('Move-out');
    expect(valueWords(en, 'inspections', 'conditionRating', 2)).toBe('Poor');
    expect(valueWords(id, 'inspections', 'inspectedOn', '2026-05-01')).toBe('1 Mei 2026');
    expect(valueWords(en, 'units', 'accessible', true)).toBe('Yes');
    expect(valueWords(id, 'inspections', 'notes', '')).toBe('(kosong)');
    expect(valueWords(en, 'units', 'status', null)).toBe('(empty)');
  });

  it('shows a value of an unexpected shape as it is', () => {
    expect(valueWords(en, 'units', 'status', 'demolished')).toBe('demolished');
    expect(valueWords(en, 'inspections', 'conditionRating', 9)).toBe('9');
    expect(valueWords(en, 'leases', 'terms', { months: 12 })).toBe('{"months":12}');
  });
});
