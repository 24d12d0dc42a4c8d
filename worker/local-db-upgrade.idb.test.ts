import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LocalDb } from './local-db';

// The stores of schema version 1, as the first release shipped them (schema/golden at that commit).
const version1Stores = {
  regions: 'id, parentId',
  sites: 'id, regionId',
  units: 'id, regionId, siteId, code, [siteId+code]',
  inspections: 'id, regionId, unitId',
  outbox: 'seq, recordId, state',
  meta: 'key',
};

describe('Dexie schema upgrade', () => {
  it('S19: upgrades the stored records and the outbox of a version 1 device', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('hunian', { indexedDB, IDBKeyRange });
    old.version(1).stores(version1Stores);
    const inspection = { id: 'i1', regionId: 'r', unitId: 'u', inspectedOn: '2026-11-01', conditionRating: 3, notes: '', inspectorId: 'x', recordedAt: '2026-11-01T00:00:00Z', version: 7, deleted: false, updatedAt: 'x', updatedBy: 'x' };
    await old.table('inspections').put(inspection);
    const create = { seq: 1, mutationId: 'm1', entity: 'inspections', op: 'upsert', recordId: 'i2', baseVersion: null, fields: { id: 'i2', notes: 'offline' }, clientTime: 'x', state: 'pending' };
    const edit = { seq: 2, mutationId: 'm2', entity: 'inspections', op: 'upsert', recordId: 'i1', baseVersion: 7, fields: { notes: 'edit' }, clientTime: 'x', state: 'pending' };
    await old.table('outbox').bulkPut([create, edit]);
    await old.table('meta').put({ key: 'cursor', value: 42 });
    old.close();

    const db = new LocalDb('hunian', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name)).not.toContain('outbox');
    expect(await db.inspections.get('i1')).toMatchObject({ type: 'periodic', checklist: [], latitude: null, version: 7 });
    const entries = await db.outbox.orderBy('seq').toArray();
    // A create made under version 1 gets the fields required since; an edit is left as it was.
    expect(entries.map((e) => [e.mutationId, e.fields])).toEqual([
      ['m1', { type: 'periodic', latitude: null, longitude: null, gpsAccuracyM: null, checklist: [], id: 'i2', notes: 'offline' }],
      ['m2', { notes: 'edit' }],
    ]);
    expect(await db.getMeta('cursor')).toBe(42);
    db.close();
  });
});
