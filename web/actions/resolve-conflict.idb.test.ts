import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Conflict, type Unit } from '../../schema';
import { LocalDb } from '../../worker';
import { canRestore, keepCurrentValue, restoreLostValue } from './resolve-conflict';

let db: LocalDb;
const office = { id: uuidv7(), username: 'kantor', displayName: 'Dewi', role: 'office_staff' as const, regionIds: [] };
beforeEach(async () => {
  db = new LocalDb('resolve-conflict-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: office, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const regionId = uuidv7();
const system = { version: 9, deleted: false, updatedAt: '2026-05-02T00:00:00.000Z', updatedBy: 'system' };
const unit: Unit = { id: uuidv7(), regionId, siteId: uuidv7(), code: 'A-102', block: 'A', floor: 1, number: '102', sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'under_repair', ...system };

function conflict(extra: Partial<Conflict> = {}): Conflict {
  return {
    id: uuidv7(),
    regionId,
    entity: 'units',
    recordId: unit.id,
    field: 'status',
    keptValue: 'under_repair',
    keptSeq: 8,
    keptBy: uuidv7(),
    lostValue: 'occupied',
    lostBy: office.id,
    lostDeviceId: uuidv7(),
    lostMutationId: uuidv7(),
    lostClientTime: '2026-05-01T02:00:00.000Z',
    status: 'open',
    resolvedBy: null,
    ...system,
    ...extra,
  };
}

const pendingOf = async () => (await db.outbox.where('state').equals('pending').toArray()).map((e) => [e.entity, e.recordId, e.fields]);

describe('S14: resolving a conflict on the device', () => {
  it('keeping the current value changes only the conflict record', async () => {
    await db.units.put(unit);
    const open = conflict();
    await db.conflicts.put(open);
    expect(await keepCurrentValue(db, open, office.id)).toEqual({ ok: true });
    expect(await db.conflicts.get(open.id)).toMatchObject({ status: 'kept', resolvedBy: office.id });
    expect(await db.units.get(unit.id)).toMatchObject({ status: 'under_repair' });
    expect(await pendingOf()).toEqual([['conflicts', open.id, { status: 'kept', resolvedBy: office.id }]]);
  });

  it('restoring edits the record first, then marks the conflict restored', async () => {
    await db.units.put(unit);
    const open = conflict();
    await db.conflicts.put(open);
    expect(await restoreLostValue(db, open, office.id)).toEqual({ ok: true });
    expect(await db.units.get(unit.id)).toMatchObject({ status: 'occupied' });
    expect(await db.conflicts.get(open.id)).toMatchObject({ status: 'restored', resolvedBy: office.id });
    expect(await pendingOf()).toEqual([
      ['units', unit.id, { status: 'occupied' }],
      ['conflicts', open.id, { status: 'restored', resolvedBy: office.id }],
    ]);
  });

  it('restores nothing, and leaves the conflict open, when the lost value no longer fits the record', async () => {
    await db.units.put(unit);
    const open = conflict({ field: 'monthlyRent', keptValue: 300_000, lostValue: -5 });
    await db.conflicts.put(open);
    const result = await restoreLostValue(db, open, office.id);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'monthlyRent' })] });
    expect(await db.units.get(unit.id)).toEqual(unit);
    expect(await db.conflicts.get(open.id)).toMatchObject({ status: 'open' });
    expect(await pendingOf()).toEqual([]);
  });

  it('does not restore into a record the device no longer holds', async () => {
    const open = conflict();
    await db.conflicts.put(open);
    expect(await restoreLostValue(db, open, office.id)).toMatchObject({ ok: false });
    expect(await db.units.count()).toBe(0);
    expect(await pendingOf()).toEqual([]);
  });

  it('offers only keeping for a record that had been deleted', () => {
    expect(canRestore(conflict({ field: '*', keptValue: null, lostValue: { status: 'occupied' } }))).toBe(false);
    expect(canRestore(conflict({ entity: 'users' }))).toBe(false);
    expect(canRestore(conflict())).toBe(true);
  });
});
