import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb, saveRecord } from '../../worker';
import { readInspectionHistory } from './inspection-history';
import { readInspectionToEdit } from './inspection-to-edit';
import { readOutboxCounts } from './outbox-counts';

let db: LocalDb;
beforeEach(async () => {
  db = new LocalDb('inspection-history-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const user = { id: 'officer-1', username: 'petugas', displayName: 'Siti', role: 'field_officer' as const, regionIds: [] };
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const regionId = uuidv7();
const unitId = uuidv7();
const system = { version: 3, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };

async function inspect(inspectedOn: string, notes: string, forUnit = unitId) {
  const saved = await saveRecord(db, 'inspections', undefined, {
    regionId,
    unitId: forUnit,
    type: 'periodic',
    inspectedOn,
    conditionRating: 4,
    notes,
    inspectorId: 'officer-1',
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist: [],
  });
  if (!saved.ok) throw new Error(`could not save: ${JSON.stringify(saved.problems)}`);
  return saved.id;
}

/** What the sync engine does with the server's answer for a record's entries. */
function answer(recordId: string, state: 'acked' | 'rejected') {
  const rejection = { code: 'invalid_reference', message: 'unitId does not name a units record you may use' };
  return db.outbox
    .where('recordId')
    .equals(recordId)
    .modify(state === 'acked' ? { state, appliedSeq: 7 } : { state, rejection });
}

describe('the inspection history', () => {
  it('lists a unit’s inspections newest first, each marked while its outbox entry is pending', async () => {
    await inspect('2026-03-01', 'March');
    const may = await inspect('2026-05-01', 'May');
    await inspect('2026-04-01', 'April');
    await inspect('2026-06-01', 'another unit', uuidv7());
    await answer(may, 'acked');

    const history = await readInspectionHistory(db, unitId);
    expect(history.map((e) => [e.inspection.notes, e.pending])).toEqual([
      ['May', false],
      ['April', true],
      ['March', true],
    ]);
  });

  it('S15: shows the reason of a rejected change on its inspection, not as pending, until it is saved again', async () => {
    const refused = await inspect('2026-05-01', 'refused');
    await inspect('2026-04-01', 'waiting');
    await answer(refused, 'rejected');

    const history = await readInspectionHistory(db, unitId);
    expect(history.map((e) => [e.inspection.notes, e.pending, e.rejection?.message ?? null])).toEqual([
      ['refused', false, 'unitId does not name a units record you may use'],
      ['waiting', true, null],
    ]);
    expect(await readOutboxCounts(db)).toEqual({ pending: 1, rejected: 1 });

    // Fix and resend: saving folds the rejected change into a new pending one.
    await saveRecord(db, 'inspections', refused, { notes: 'fixed' });
    const after = await readInspectionHistory(db, unitId);
    expect(after[0]).toMatchObject({ pending: true, rejection: null, inspection: { notes: 'fixed' } });
    expect(await readOutboxCounts(db)).toEqual({ pending: 2, rejected: 0 });
  });

  it('comes with each inspection’s live photos, oldest first, and no other attachments', async () => {
    const mine = await inspect('2026-05-01', 'with photos');
    const other = await inspect('2026-04-01', 'without');
    const photo = async (inspectionId: string, n: number, capturedAt: string, kind: 'inspection_photo' | 'other' = 'inspection_photo') => {
      const saved = await saveRecord(db, 'attachments', undefined, {
        regionId,
        householdId: null,
        applicationId: null,
        inspectionId,
        itemKey: 'unit.walls',
        kind,
        sha256: n.toString(16).padStart(64, '0'),
        mimeType: 'image/jpeg',
        byteSize: 100,
        width: 10,
        height: 10,
        capturedAt,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      return saved.id;
    };
    const later = await photo(mine, 1, '2026-05-01T10:00:00.000Z');
    const earlier = await photo(mine, 2, '2026-05-01T09:00:00.000Z');
    const deleted = await photo(mine, 3, '2026-05-01T08:00:00.000Z');
    await db.attachments.update(deleted, { deleted: true });
    await photo(mine, 4, '2026-05-01T07:00:00.000Z', 'other');

    const history = await readInspectionHistory(db, unitId);
    expect(history.map((e) => [e.inspection.id, e.photos.map((p) => p.id)])).toEqual([
      [mine, [earlier, later]],
      [other, []],
    ]);
  });

  it('leaves deleted inspections out', async () => {
    const gone = await inspect('2026-05-01', 'gone');
    await db.inspections.update(gone, { deleted: true });
    expect(await readInspectionHistory(db, unitId)).toEqual([]);
  });
});

describe('the inspection to edit', () => {
  it('comes with its unit, its site and the reason a change was rejected', async () => {
    const siteId = uuidv7();
    await db.sites.put({ id: siteId, regionId, name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang', latitude: null, longitude: null, floors: 5, ...system });
    await db.units.put({ id: unitId, regionId, siteId, code: 'A-102', block: 'A', floor: 1, number: '102', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system });
    const id = await inspect('2026-05-01', 'refused');
    await answer(id, 'rejected');

    const found = await readInspectionToEdit(db, unitId, id);
    expect(found).toMatchObject({ unit: { code: 'A-102' }, site: { name: 'Rusunawa Sadang Serang' }, inspection: { id, notes: 'refused' } });
    expect(found?.rejection?.code).toBe('invalid_reference');
  });

  it('is not found under another unit’s address, nor once deleted', async () => {
    const otherUnit = uuidv7();
    await db.units.put({ id: otherUnit, regionId, siteId: uuidv7(), code: 'B-1', block: 'B', floor: 1, number: '1', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system });
    await db.units.put({ id: unitId, regionId, siteId: uuidv7(), code: 'A-1', block: 'A', floor: 1, number: '1', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system });
    const id = await inspect('2026-05-01', 'mine');
    expect(await readInspectionToEdit(db, otherUnit, id)).toBeNull();
    expect(await readInspectionToEdit(db, unitId, uuidv7())).toBeNull();
    await db.inspections.update(id, { deleted: true });
    expect(await readInspectionToEdit(db, unitId, id)).toBeNull();
  });
});
