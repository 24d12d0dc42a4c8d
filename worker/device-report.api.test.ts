import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type DeviceReportRequest } from '../schema';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { appVersion } from './app-version';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { saveRecord } from './local-writes';
import { signIn } from './sign-in';
import { syncOnce } from './sync-engine';
import { SyncError } from './sync-status';
import { fetchTransport, type Transport } from './transport';

// The engine's device report after each round (docs/SPEC.md S26): the real engine against the
// real API over HTTP on loopback, with Dexie on fake-indexeddb.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;

beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
  db = new LocalDb('hunian-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await signIn(db, http.baseUrl, 'petugas', 'petugas123');
});
afterEach(async () => {
  db.close();
  await http.close();
  server.close();
});

const deviceRow = async () => {
  const { deviceId } = (await db.getMeta('session'))!;
  return server.sqlite.prepare('select * from devices where id = ?').get(deviceId) as Record<string, unknown> | undefined;
};

async function inspectOffline(notes: string) {
  const unit = (await db.units.toArray())[0]!;
  const session = (await db.getMeta('session'))!;
  const saved = await saveRecord(db, 'inspections', undefined, {
    regionId: unit.regionId, unitId: unit.id, type: 'periodic', inspectedOn: '2026-11-24', conditionRating: 3, notes,
    inspectorId: session.user.id, recordedAt: new Date().toISOString(), latitude: null, longitude: null, gpsAccuracyM: null, checklist: [],
  });
  expect(saved.ok).toBe(true);
}

/** The real transport, with its push made to fail as a server in trouble would, and its reports recorded. */
function withFailingPush(inner: Transport, reports: DeviceReportRequest[], kind: 'server' | 'offline'): Transport {
  return {
    ...inner,
    push: () => Promise.reject(kind === 'offline' ? new SyncError('offline', 'Network error') : new SyncError('server', 'Busy', 503)),
    deviceReport: async (token, report) => {
      reports.push(report);
      await inner.deviceReport!(token, report);
    },
  };
}

describe('S26: the engine reports the device after each round', () => {
  it('S26: after a successful round the server holds the device\'s versions, counts and last sync', async () => {
    const outcome = await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl));
    expect(outcome).toMatchObject({ ok: true });
    const status = (await db.getMeta('syncStatus'))!;
    expect(await deviceRow()).toMatchObject({
      app_version: appVersion,
      schema_version: SCHEMA_VERSION,
      protocol_version: PROTOCOL_VERSION,
      pending_count: 0,
      pending_uploads: 0,
      last_sync_at: status.lastSyncedAt,
      last_mutation_seq: 0,
    });
  });

  it('S26: a round that fails at the server still reports the work left on the device', async () => {
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    const lastSync = (await db.getMeta('syncStatus'))!.lastSyncedAt;
    await inspectOffline('Dinding retak');
    const reports: DeviceReportRequest[] = [];
    const outcome = await syncOnce(store, withFailingPush(fetchTransport(http.baseUrl), reports, 'server'));
    expect(outcome).toMatchObject({ ok: false, kind: 'server' });
    expect(reports).toHaveLength(1);
    expect(await deviceRow()).toMatchObject({ pending_count: 1, last_sync_at: lastSync });
  });

  it('S26: a round that never reached the server sends no report', async () => {
    const store = dexieSyncStore(db);
    await syncOnce(store, fetchTransport(http.baseUrl));
    const before = await deviceRow();
    await inspectOffline('Tanpa sinyal');
    const reports: DeviceReportRequest[] = [];
    const outcome = await syncOnce(store, withFailingPush(fetchTransport(http.baseUrl), reports, 'offline'));
    expect(outcome).toMatchObject({ ok: false, kind: 'offline' });
    expect(reports).toEqual([]);
    expect(await deviceRow()).toEqual(before);
  });

  it('S26: a report that fails or never answers neither fails nor holds up the round', async () => {
    const store = dexieSyncStore(db);
    const real = fetchTransport(http.baseUrl);
    const refused = await syncOnce(store, { ...real, deviceReport: () => Promise.reject(new SyncError('rejected', 'No such route', 404)) });
    expect(refused).toMatchObject({ ok: true });
    const started = Date.now();
    const hanging = await syncOnce(store, { ...real, deviceReport: () => new Promise<void>(() => {}) }, { reportWaitMs: 50 });
    expect(hanging).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(4000);
    expect((await db.getMeta('syncStatus'))!.lastError).toBeNull();
  });
});
