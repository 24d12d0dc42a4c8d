import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { saveRecord } from './local-writes';
import { signIn } from './sign-in';
import { syncOnce } from './sync-engine';
import { fetchTransport, type Transport } from './transport';

// The real engine against the real API over HTTP on loopback, with Dexie on fake-indexeddb.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;

beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
  db = new LocalDb('hunian-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(async () => {
  db.close();
  await http.close();
  server.close();
});

/** A transport that breaks in an unexpected way (not a classified HTTP or network error). */
const broken: Transport = {
  push: () => Promise.reject(new Error('broken transport')),
  pull: () => Promise.reject(new Error('broken transport')),
  snapshot: () => Promise.reject(new Error('broken transport')),
  uploadAttachment: () => Promise.reject(new Error('broken transport')),
};

async function inspectOffline(unitId: string, notes: string) {
  const unit = (await db.units.get(unitId))!;
  const session = (await db.getMeta('session'))!;
  return saveRecord(db, 'inspections', undefined, {
    regionId: unit.regionId,
    unitId: unit.id,
    type: 'periodic',
    inspectedOn: '2026-11-24',
    conditionRating: 3,
    notes,
    inspectorId: session.user.id,
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist: [],
  });
}

describe('sync engine against the real API', () => {
  it('bootstraps the officer region into Dexie', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const outcome = await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl), { pullPageSize: 10 });
    expect(outcome).toMatchObject({ ok: true, pushed: 0 });
    expect(await db.sites.count()).toBe(2);
    expect(await db.units.count()).toBe(24 + 12);
    expect(await db.getMeta('cursor')).toBeGreaterThan(0);
  });

  it('S1, S12: a write made offline stays in the outbox through failed syncs and reaches the server once', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    const unit = (await db.units.toArray())[0]!;
    const saved = await inspectOffline(unit.id, 'Dinding retak');
    expect(saved.ok).toBe(true);

    const failed = await syncOnce(store, broken);
    expect(failed).toMatchObject({ ok: false });
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
    expect((await db.getMeta('syncStatus'))?.lastError?.kind).toBe('server');

    const ok = await syncOnce(store, fetchTransport(http.baseUrl));
    expect(ok).toMatchObject({ ok: true, pushed: 1 });
    expect(await db.outbox.count()).toBe(0); // acked, then passed by the pull cursor
    const rows = server.sqlite.prepare('select notes, version from inspections').all() as { notes: string; version: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.notes).toBe('Dinding retak');
    const local = (await db.inspections.toArray())[0]!;
    expect(local.version).toBe(rows[0]!.version);
  });

  it('S12: a network error is classified as offline', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const outcome = await syncOnce(dexieSyncStore(db), fetchTransport('http://127.0.0.1:9'));
    expect(outcome).toMatchObject({ ok: false, kind: 'offline' });
  });

  it('S12: a revoked session pauses sync and keeps the outbox', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    await inspectOffline((await db.units.toArray())[0]!.id, 'x');
    server.sqlite.prepare("update sessions set revoked_at = '2026-01-01T00:00:00Z'").run();
    const outcome = await syncOnce(store, fetchTransport(http.baseUrl));
    expect(outcome).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(await db.outbox.where('state').equals('pending').count()).toBe(1);
  });

  it('S7: a pull does not hide an edit still in the outbox', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    const saved = await inspectOffline((await db.units.toArray())[0]!.id, 'versi perangkat');
    if (!saved.ok) throw new Error('save failed');
    // The server's copy of the same record arrives (as if from an earlier push) while ours is pending.
    const record = { ...(await db.inspections.get(saved.id))!, notes: 'versi server', version: 999 };
    await store.applyPulled([{ seq: 999, entity: 'inspections', op: 'upsert', recordId: saved.id, regionId: record.regionId, record }], 999);
    const local = (await db.inspections.get(saved.id))!;
    expect(local.notes).toBe('versi perangkat');
    expect(local.version).toBe(999);
  });

  it('S8: an acknowledged write stays as an overlay until the cursor passes its applied seq', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    const cursor = (await db.getMeta('cursor'))!;
    const saved = await inspectOffline((await db.units.toArray())[0]!.id, 'baru');
    if (!saved.ok) throw new Error('save failed');
    const [entry] = await store.pendingMutations(10);
    await store.recordResults([{ mutationId: entry!.mutationId, seq: entry!.seq, status: 'applied', appliedSeq: cursor + 5 }]);
    await store.applyPulled([], cursor + 4);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.outbox.where('state').equals('pending').count()).toBe(0);
    await store.applyPulled([], cursor + 5);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('signing in on a shared device', () => {
  it('keeps the device and its data when the same user signs in again', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl));
    const device = await db.getMeta('device');
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    expect(await db.getMeta('device')).toEqual(device);
    expect(await db.units.count()).toBeGreaterThan(0);
  });

  it('refuses another user while unsent changes remain, and gives them an empty device otherwise', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    await inspectOffline((await db.units.toArray())[0]!.id, 'belum terkirim');
    await expect(signIn(db, http.baseUrl, 'petugas.jaktim', 'petugas123')).rejects.toMatchObject({ code: 'other_user_pending' });
    expect((await db.getMeta('session'))?.user.username).toBe('petugas');

    await syncOnce(store, fetchTransport(http.baseUrl));
    await signIn(db, http.baseUrl, 'petugas.jaktim', 'petugas123');
    expect(await db.units.count()).toBe(0);
    expect(await db.inspections.count()).toBe(0);
    expect(await db.getMeta('device')).toMatchObject({ nextSeq: 1 });
    await syncOnce(store, fetchTransport(http.baseUrl));
    expect((await db.sites.toArray()).map((s) => s.name)).toEqual(['Rusunawa Pulo Gebang']);
  });

  it('S23: refuses another user while photo bytes of synced records are not uploaded, though the outbox is empty', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl));
    expect(await db.outbox.count()).toBe(0);
    const sha256 = 'b'.repeat(64);
    // The record reached the server (it is a pulled record here); its bytes did not, yet.
    await db.attachments.put({ id: 'a1', sha256 } as never);
    await db.attachmentBlobs.put({ sha256, blob: new Blob(['ktp']), mimeType: 'image/jpeg', byteSize: 3, uploadState: 'pending', createdAt: new Date().toISOString() });
    await expect(signIn(db, http.baseUrl, 'petugas.jaktim', 'petugas123')).rejects.toMatchObject({ code: 'other_user_pending' });
    expect(await db.attachmentBlobs.count()).toBe(1);
  });

  it('refuses another user while a form is filled in and not saved', async () => {
    await signIn(db, http.baseUrl, 'petugas', 'petugas123');
    await db.formDrafts.put({ id: 'f1', kind: 'application', userId: 'x', values: { headName: 'Siti' }, updatedAt: new Date().toISOString() });
    await expect(signIn(db, http.baseUrl, 'petugas.jaktim', 'petugas123')).rejects.toMatchObject({ code: 'other_user_pending' });
    expect(await db.formDrafts.count()).toBe(1);
  });
});
