import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { uuidv7, type Conflict, type Inspection, type Site, type Unit } from '../../schema';
import { LocalDb } from '../../worker';
import { countOpenConflicts, readOpenConflicts } from './open-conflicts';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('open-conflicts-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const regionId = uuidv7();
const system = { version: 5, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };
const site: Site = { id: uuidv7(), regionId, name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang', latitude: null, longitude: null, floors: 5, ...system };
const unit: Unit = { id: uuidv7(), regionId, siteId: site.id, code: 'A-102', block: 'A', floor: 1, number: '102', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system };
const inspection: Inspection = { id: uuidv7(), regionId, unitId: unit.id, type: 'periodic', inspectedOn: '2026-05-01', conditionRating: 3, notes: '', inspectorId: 'u', recordedAt: '2026-05-01T03:00:00.000Z', latitude: null, longitude: null, gpsAccuracyM: null, checklist: [], ...system };

function conflict(entity: string, recordId: string, updatedAt: string, extra: Partial<Conflict> = {}): Conflict {
  return {
    id: uuidv7(),
    regionId,
    entity,
    recordId,
    field: 'status',
    keptValue: 'under_repair',
    keptSeq: 4,
    keptBy: uuidv7(),
    lostValue: 'occupied',
    lostBy: uuidv7(),
    lostDeviceId: uuidv7(),
    lostMutationId: uuidv7(),
    lostClientTime: '2026-05-01T02:00:00.000Z',
    status: 'open',
    resolvedBy: null,
    ...system,
    updatedAt,
    ...extra,
  };
}

it('S14: lists the open conflicts newest first, each naming its record as the device knows it', async () => {
  await db.sites.put(site);
  await db.units.put(unit);
  await db.inspections.put(inspection);
  const goneId = uuidv7();
  await db.conflicts.bulkPut([
    conflict('units', unit.id, '2026-05-02T00:00:00.000Z'),
    conflict('inspections', inspection.id, '2026-05-04T00:00:00.000Z', { field: 'notes' }),
    conflict('inspections', goneId, '2026-05-03T00:00:00.000Z', { field: '*', keptValue: null, lostValue: { notes: 'x' } }),
    conflict('units', unit.id, '2026-05-05T00:00:00.000Z', { status: 'kept' }),
    conflict('units', unit.id, '2026-05-06T00:00:00.000Z', { deleted: true }),
  ]);

  const rows = await readOpenConflicts(db);
  expect(rows.map((r) => [r.conflict.updatedAt.slice(0, 10), r.subject])).toEqual([
    ['2026-05-04', { kind: 'inspection', unitCode: 'A-102', inspectedOn: '2026-05-01' }],
    ['2026-05-03', { kind: 'record', recordId: goneId }],
    ['2026-05-02', { kind: 'unit', code: 'A-102', siteName: 'Rusunawa Sadang Serang' }],
  ]);
  expect(await countOpenConflicts(db)).toBe(3);
});

it('names a unit whose site has not arrived yet by its code alone', async () => {
  await db.units.put(unit);
  await db.conflicts.put(conflict('units', unit.id, '2026-05-02T00:00:00.000Z'));
  expect((await readOpenConflicts(db))[0]?.subject).toEqual({ kind: 'unit', code: 'A-102', siteName: undefined });
});

it('names an application\u2019s or a household\u2019s conflict by the head of the household', async () => {
  const householdId = uuidv7();
  const applicationId = uuidv7();
  // Only the fields the subject reads: the store keeps what it is given.
  await db.households.put({ id: householdId, regionId, headName: 'Rina Kartika', ...system } as never);
  await db.applications.put({ id: applicationId, regionId, householdId, status: 'approved', ...system } as never);
  await db.conflicts.bulkPut([
    conflict('applications', applicationId, '2026-05-02T00:00:00.000Z', { keptValue: 'approved', lostValue: 'waitlisted' }),
    conflict('households', householdId, '2026-05-01T00:00:00.000Z', { field: 'phone', keptValue: '0811', lostValue: '0812' }),
  ]);
  expect((await readOpenConflicts(db)).map((r) => r.subject)).toEqual([
    { kind: 'household', headName: 'Rina Kartika' },
    { kind: 'household', headName: 'Rina Kartika' },
  ]);
});
