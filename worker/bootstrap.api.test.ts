import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedSeq, deviceOf, edit, remove } from '../api/test-support/domain-records';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { entityByName } from '../schema';
import type { BootstrapBatch } from './bootstrap-snapshot';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { discardRejected, saveRecord } from './local-writes';
import { signIn } from './sign-in';
import { syncOnce } from './sync-engine';
import { SyncError } from './sync-status';
import { fetchTransport, type Transport } from './transport';

// A new device's bootstrap (S25): the real engine and Dexie (fake-indexeddb) against the real API.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
const devices: LocalDb[] = [];

beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
});
afterEach(async () => {
  for (const db of devices.splice(0)) db.close();
  await http.close();
  server.close();
});

/** A signed-in device that has not synced yet. */
async function newDevice(username = 'petugas') {
  const db = new LocalDb(`device-${devices.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  devices.push(db);
  await signIn(db, http.baseUrl, username, `${username.startsWith('petugas') ? 'petugas' : username}123`);
  const store = dexieSyncStore(db);
  return { db, store, sync: (transport: Transport = fetchTransport(http.baseUrl)) => syncOnce(store, transport) };
}

/** The transport of an app that does not bootstrap: it pulls the whole log, page by page. */
function pageByPage(): Transport {
  const { bootstrap: _bootstrap, ...rest } = fetchTransport(http.baseUrl);
  return rest;
}

/** The real transport, with hooks around the bootstrap: after the snapshot was read, and between its batches. */
function watched(hooks: { afterSnapshot?: () => Promise<void>; afterBatch?: (batch: BootstrapBatch, index: number) => Promise<void> }) {
  const inner = fetchTransport(http.baseUrl);
  const calls = { bootstrap: 0, pull: 0 };
  const transport: Transport = {
    ...inner,
    pull: (...args) => {
      calls.pull++;
      return inner.pull(...args);
    },
    bootstrap: async (token) => {
      calls.bootstrap++;
      const snapshot = await inner.bootstrap!(token);
      await hooks.afterSnapshot?.();
      async function* batches() {
        let index = 0;
        for await (const batch of snapshot.batches) {
          yield batch;
          await hooks.afterBatch?.(batch, index++);
        }
      }
      return { ...snapshot, batches: batches() };
    },
  };
  return { transport, calls };
}

/** A bootstrap cut off after the units arrived: the device holds some of its regions. */
const cutAfterUnits = () =>
  watched({
    afterBatch: async (batch) => {
      if (batch.entity === 'units') throw new SyncError('offline', 'cut');
    },
  }).transport;

/** Everything a device holds of the server's, by store, in key order. */
async function holdings(db: LocalDb) {
  const stores: Record<string, unknown[]> = {};
  for (const table of db.tables) if (entityByName(table.name)?.synced || table.name === 'shadows' || table.name === 'mutations') stores[table.name] = await table.toArray();
  return { stores, cursor: await db.getMeta('cursor') };
}

const newestSeq = () => (server.sqlite.prepare('select max(seq) seq from change_log').get() as { seq: number }).seq;

describe('S25: a new device bootstraps from one snapshot, then the log', () => {
  it('S25: ends equal to a device that pulled the whole log page by page, with one download and no scan left to do', async () => {
    const office = await deviceOf(server, 'kantor');
    const unit = server.unitIn('Kota Bandung');
    const edited = appliedSeq((await office.push(edit('units', unit.id, unit.version, { monthlyRent: 321_000 })))[0]);
    appliedSeq((await office.push(remove('units', unit.id, edited)))[0]);

    const fresh = await newDevice();
    const { transport, calls } = watched({});
    expect(await fresh.sync(transport)).toMatchObject({ ok: true, redownloaded: [] });
    expect(calls).toEqual({ bootstrap: 1, pull: 1 });
    const old = await newDevice();
    expect(await old.sync(pageByPage())).toMatchObject({ ok: true });

    expect(await holdings(fresh.db)).toEqual(await holdings(old.db));
    expect(await fresh.db.units.get(unit.id)).toBeUndefined();
    expect(await fresh.db.units.count()).toBeGreaterThan(20);
    expect(await fresh.db.getMeta('cursor')).toBe(newestSeq());
    // The snapshot named every region and its digest: neither the region drop (S6) nor the digest check (S17) needs a scan.
    expect(await fresh.db.getMeta('visibleRegions')).toEqual(await old.db.getMeta('visibleRegions'));
    expect(Object.keys((await fresh.db.getMeta('verifiedDigests'))!.digests).sort()).toEqual([...(await fresh.db.getMeta('visibleRegions'))!]);

    // The next round pulls the log from there, as any other.
    expect(await fresh.sync(transport)).toMatchObject({ ok: true, pulled: 0 });
    expect(calls.bootstrap).toBe(1);
  });

  it('S25, S5: a write made on the server after the snapshot was read reaches the device in the same round', async () => {
    const office = await deviceOf(server, 'kantor');
    const unit = server.unitIn('Kota Bandung');
    const fresh = await newDevice();
    let writtenAt = 0;
    const { transport } = watched({
      afterSnapshot: async () => {
        writtenAt = appliedSeq((await office.push(edit('units', unit.id, unit.version, { monthlyRent: 654_000 })))[0]);
      },
    });
    expect(await fresh.sync(transport)).toMatchObject({ ok: true });
    expect(writtenAt).toBeGreaterThan(0);
    expect(await fresh.db.units.get(unit.id)).toMatchObject({ monthlyRent: 654_000, version: writtenAt });
    expect(await fresh.db.getMeta('cursor')).toBe(newestSeq());
  });

  it('S25, S7: an edit made while the bootstrap runs is not hidden by it, and reaches the server next round', async () => {
    const office = await newDevice('kantor');
    let editedId: string | undefined;
    const { transport } = watched({
      afterBatch: async (batch) => {
        if (batch.entity !== 'sites' || editedId) return;
        // The site's batch may still be committing: the edit's transaction waits for it.
        const site = batch.records[0] as { id: string; name: string };
        const saved = await saveRecord(office.db, 'sites', site.id, { name: `${site.name} (dicek)` });
        if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
        editedId = site.id;
      },
    });
    expect(await office.sync(transport)).toMatchObject({ ok: true });
    const site = (await office.db.sites.get(editedId!))!;
    expect(site.name).toMatch(/ \(dicek\)$/);
    expect(await office.db.shadows.get(`sites/${editedId}`)).toMatchObject({ record: { name: site.name.replace(' (dicek)', ''), version: site.version } });
    expect(await office.db.outbox.where('state').equals('pending').count()).toBe(1);
    expect(await office.sync()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(server.sqlite.prepare('select name from sites where id = ?').get(editedId)).toEqual({ name: site.name });
  });

  it('S25: a bootstrap cut off leaves the cursor at 0; the next round starts over and drops what the server deleted meanwhile', async () => {
    const fresh = await newDevice();
    expect(await fresh.sync(cutAfterUnits())).toMatchObject({ ok: false, kind: 'offline' });
    expect(await fresh.db.getMeta('cursor')).toBeUndefined();
    const held = await fresh.db.units.toArray();
    expect(held.length).toBeGreaterThan(0);

    const office = await deviceOf(server, 'kantor');
    const gone = held[0]!;
    appliedSeq((await office.push(remove('units', gone.id, gone.version)))[0]);
    expect(await fresh.sync()).toMatchObject({ ok: true });
    expect(await fresh.db.units.get(gone.id)).toBeUndefined();
    const old = await newDevice();
    await old.sync(pageByPage());
    expect(await holdings(fresh.db)).toEqual(await holdings(old.db));
  });

  it('S25, S15: a refused change made after a cut bootstrap stays laid over its record when the next bootstrap brings it, until discarded', async () => {
    const fresh = await newDevice();
    await fresh.sync(cutAfterUnits());
    const unit = (await fresh.db.units.orderBy('code').first())!;
    // Field officers may not change units: the push refuses it (S15).
    const saved = await saveRecord(fresh.db, 'units', unit.id, { monthlyRent: unit.monthlyRent + 1 });
    expect(saved.ok).toBe(true);

    expect(await fresh.sync()).toMatchObject({ ok: true, rejected: 1 });
    expect(await fresh.db.units.get(unit.id)).toMatchObject({ monthlyRent: unit.monthlyRent + 1, version: unit.version });
    expect(await fresh.db.shadows.get(`units/${unit.id}`)).toMatchObject({ record: { monthlyRent: unit.monthlyRent } });
    expect((await fresh.db.outbox.toArray()).map((e) => e.state)).toEqual(['rejected']);

    await discardRejected(fresh.db, 'units', unit.id);
    expect(await fresh.db.units.get(unit.id)).toEqual(unit);
  });

  it('S25, S16: a record the device changed that the server deleted meanwhile leaves the device, its change kept', async () => {
    const fresh = await newDevice();
    await fresh.sync(cutAfterUnits());
    const unit = (await fresh.db.units.orderBy('code').first())!;
    expect((await saveRecord(fresh.db, 'units', unit.id, { monthlyRent: unit.monthlyRent + 1 })).ok).toBe(true);
    const office = await deviceOf(server, 'kantor');
    appliedSeq((await office.push(remove('units', unit.id, unit.version)))[0]);

    expect(await fresh.sync()).toMatchObject({ ok: true, rejected: 1 });
    expect(await fresh.db.units.get(unit.id)).toBeUndefined();
    expect(await fresh.db.shadows.count()).toBe(0);
    expect((await fresh.db.outbox.toArray()).map((e) => [e.recordId, e.state])).toEqual([[unit.id, 'rejected']]);
  });

  it('S25, S8: a write acknowledged before the bootstrap that the snapshot holds leaves the outbox, and its record is the server state', async () => {
    const fresh = await newDevice();
    await fresh.sync(cutAfterUnits());
    const unit = (await fresh.db.units.orderBy('code').first())!;
    const session = (await fresh.db.getMeta('session'))!;
    const saved = await saveRecord(fresh.db, 'inspections', undefined, {
      regionId: unit.regionId,
      unitId: unit.id,
      type: 'periodic',
      inspectedOn: '2026-11-24',
      conditionRating: 4,
      notes: 'Dicatat sebelum unduhan selesai',
      inspectorId: session.user.id,
      recordedAt: new Date().toISOString(),
      latitude: null,
      longitude: null,
      gpsAccuracyM: null,
      checklist: [],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));

    expect(await fresh.sync()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(await fresh.db.outbox.count()).toBe(0);
    expect(await fresh.db.shadows.count()).toBe(0);
    const stored = (await fresh.db.inspections.get(saved.id))!;
    expect(stored.version).toBeGreaterThan(0);
    expect(server.sqlite.prepare('select version from inspections where id = ?').get(saved.id)).toEqual({ version: stored.version });
  });
});
