import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb, saveRecord } from '../../worker';
import { readInspectionHistory } from './inspection-history';

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

function inspect(inspectedOn: string, notes: string) {
  return saveRecord(db, 'inspections', undefined, {
    regionId,
    unitId,
    inspectedOn,
    conditionRating: 4,
    notes,
    inspectorId: 'officer-1',
    recordedAt: new Date().toISOString(),
  });
}

it('lists a unit’s inspections newest first, each marked while its outbox entry is pending', async () => {
  await inspect('2026-03-01', 'March');
  const may = await inspect('2026-05-01', 'May');
  await inspect('2026-04-01', 'April');
  await saveRecord(db, 'inspections', undefined, {
    regionId, unitId: uuidv7(), inspectedOn: '2026-06-01', conditionRating: 1, notes: 'another unit', inspectorId: 'officer-1', recordedAt: new Date().toISOString(),
  });
  if (!may.ok) throw new Error('could not save');
  await db.outbox.where('recordId').equals(may.id).modify({ state: 'acked', appliedSeq: 7 });

  const history = await readInspectionHistory(db, unitId);
  expect(history.map((e) => [e.inspection.notes, e.pending])).toEqual([
    ['May', false],
    ['April', true],
    ['March', true],
  ]);
});
