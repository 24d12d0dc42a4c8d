import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type ChecklistItem } from '../../schema';
import { LocalDb, saveRecord } from '../../worker';
import { readRepairsDue } from './repairs-due';

let db: LocalDb;
beforeEach(async () => {
  db = new LocalDb('repairs-due-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const user = { id: 'officer-1', username: 'petugas', displayName: 'Siti', role: 'field_officer' as const, regionIds: [] };
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const regionId = uuidv7();
const siteId = uuidv7();
const system = { version: 3, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };

async function unit(code: string) {
  const id = uuidv7();
  await db.units.put({ id, regionId, siteId, code, block: 'A', floor: 1, number: code, sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'occupied', ...system });
  return id;
}

const problem = (key: string, severity: 'life_threatening' | 'severe' | 'moderate' | 'low', dueDate: string, resolvedOn: string | null = null): ChecklistItem => ({
  key,
  rating: 2,
  problem: { severity, description: `${key} rusak`, repairAction: 'Perbaiki', dueDate, resolvedOn },
});

async function inspect(unitId: string, inspectedOn: string, checklist: ChecklistItem[]) {
  const saved = await saveRecord(db, 'inspections', undefined, {
    regionId,
    unitId,
    type: 'periodic',
    inspectedOn,
    conditionRating: 3,
    notes: '',
    inspectorId: 'officer-1',
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist,
  });
  if (!saved.ok) throw new Error(`could not save: ${JSON.stringify(saved.problems)}`);
  return saved.id;
}

describe('readRepairsDue', () => {
  it('lists the open problems of every unit, soonest due first, then the most severe, with unit, site and an overdue flag', async () => {
    await db.sites.put({ id: siteId, regionId, name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang', latitude: null, longitude: null, floors: 5, ...system });
    const a102 = await unit('A-102');
    const b201 = await unit('B-201');
    const first = await inspect(a102, '2026-05-01', [
      { key: 'unit.walls', rating: 5, problem: null },
      problem('unit.electrical', 'life_threatening', '2026-05-02'),
      problem('unit.floor', 'moderate', '2026-05-31'),
      problem('unit.plumbing', 'severe', '2026-05-08', '2026-05-05'),
    ]);
    await inspect(b201, '2026-05-24', [problem('building.roof', 'severe', '2026-05-31'), problem('outside.drainage', 'low', '2026-08-22')]);

    const repairs = await readRepairsDue(db, '2026-05-30');
    expect(repairs.map((r) => [r.unitCode, r.itemKey, r.severity, r.dueDate, r.overdue])).toEqual([
      ['A-102', 'unit.electrical', 'life_threatening', '2026-05-02', true],
      ['B-201', 'building.roof', 'severe', '2026-05-31', false],
      ['A-102', 'unit.floor', 'moderate', '2026-05-31', false],
      ['B-201', 'outside.drainage', 'low', '2026-08-22', false],
    ]);
    expect(repairs[0]).toEqual({
      inspectionId: first,
      inspectedOn: '2026-05-01',
      unitId: a102,
      unitCode: 'A-102',
      siteName: 'Rusunawa Sadang Serang',
      itemKey: 'unit.electrical',
      severity: 'life_threatening',
      description: 'unit.electrical rusak',
      repairAction: 'Perbaiki',
      dueDate: '2026-05-02',
      overdue: true,
    });
  });

  it('is due on the due day itself, overdue the day after', async () => {
    const id = await unit('C-1');
    await inspect(id, '2026-05-01', [problem('unit.walls', 'severe', '2026-05-08')]);
    expect((await readRepairsDue(db, '2026-05-08'))[0]?.overdue).toBe(false);
    expect((await readRepairsDue(db, '2026-05-09'))[0]?.overdue).toBe(true);
  });

  it('leaves out repaired problems, deleted inspections, and units the device does not hold', async () => {
    const kept = await unit('D-1');
    const gone = await inspect(kept, '2026-05-01', [problem('unit.walls', 'severe', '2026-05-08')]);
    await db.inspections.update(gone, { deleted: true });
    await inspect(kept, '2026-05-02', [problem('unit.ceiling', 'low', '2026-07-31', '2026-05-20')]);
    await inspect(uuidv7(), '2026-05-03', [problem('unit.floor', 'low', '2026-08-01')]);
    expect(await readRepairsDue(db, '2026-05-30')).toEqual([]);

    await inspect(kept, '2026-05-04', [problem('unit.kitchen', 'moderate', '2026-06-03')]);
    expect((await readRepairsDue(db, '2026-05-30')).map((r) => [r.itemKey, r.siteName])).toEqual([['unit.kitchen', '']]);
  });
});
