import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../api/test-support/test-server';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, type Mutation, type PushResponse } from '../../schema';
import { LocalDb } from '../../worker';
import { devicesCopyKey, devicesPath, parseDevices } from '../office/devices/device-health';
import { readServerCopy, refreshServerCopy, writeServerCopy } from '../server-copy/server-copy';
import { historyCopyKey, historyLines, historyPath, parseHistory } from './history-lines';

// The office's fetch code against the real device-health and history routes (real SQLite, real HTTP).
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;
const officerDevice = uuidv7();
let inspectionId = '';

async function push(token: string, deviceId: string, mutation: Mutation) {
  const response = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations: [mutation] }, token);
  const result = ((await response.json()) as PushResponse).results[0];
  if (result?.status !== 'applied') throw new Error(JSON.stringify(result));
  return result.appliedSeq;
}

beforeAll(async () => {
  server = await createTestServer();
  http = await server.listen();
  // An officer records an inspection; the office then changes its rating.
  const officer = await server.login('petugas');
  const office = await server.login('kantor');
  const created = server.inspectionMutation(server.unitIn('Kota Bandung'), 1, {});
  inspectionId = created.recordId;
  const seq = await push(officer.token, officerDevice, created);
  const edit: Mutation = { id: uuidv7(), seq: 1, entity: 'inspections', op: 'upsert', recordId: created.recordId, baseVersion: seq, fields: { conditionRating: 2 }, clientTime: new Date().toISOString() };
  await push(office.token, uuidv7(), edit);
});
afterAll(async () => {
  await http.close();
  server.close();
});

async function signInAs(username: string) {
  const login = await server.login(username);
  await db.setMeta('session', { ...login, deviceId: uuidv7() });
}

beforeEach(() => {
  db = new LocalDb(`server-answers-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

describe('the office reads server-only answers and keeps them', () => {
  it('S26: device health parses and lists the officer’s device', async () => {
    await signInAs('kantor');
    const result = await refreshServerCopy(db, http.baseUrl, devicesCopyKey, { path: devicesPath, parse: parseDevices });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.value.value.find((d) => d.deviceId === officerDevice)).toMatchObject({ username: 'petugas', role: 'field_officer', rejectedCount: 0 });
    expect((await readServerCopy(db, devicesCopyKey, parseDevices))?.value).toEqual(result.value.value);
  });

  it('S27: a record’s history parses: created by the officer, then the rating changed by the office', async () => {
    await signInAs('kantor');
    const result = await refreshServerCopy(db, http.baseUrl, historyCopyKey('inspections', inspectionId), { path: historyPath('inspections', inspectionId), parse: parseHistory });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const lines = historyLines(result.value.value.entries);
    expect(lines.map((l) => l.action)).toEqual(['changed', 'created']);
    expect(lines[0]?.changes).toEqual([{ field: 'conditionRating', from: expect.any(Number), to: 2 }]);
    expect(lines[1]?.deviceId).toBe(officerDevice);
  });

  it('S27: a record the user may not read answers 404, and a copy kept before goes', async () => {
    await signInAs('petugas.jaktim');
    const key = historyCopyKey('inspections', inspectionId);
    await writeServerCopy(db, key, '2026-11-20T08:00:00.000Z', { entity: 'inspections', recordId: inspectionId, entries: [] });
    const result = await refreshServerCopy(db, http.baseUrl, key, { path: historyPath('inspections', inspectionId), parse: parseHistory });
    expect(result).toEqual({ ok: false, failure: { kind: 'notFound' } });
    expect(await readServerCopy(db, key, parseHistory)).toBeNull();
  });

  it('field officers are refused device health', async () => {
    await signInAs('petugas');
    expect(await refreshServerCopy(db, http.baseUrl, devicesCopyKey, { path: devicesPath, parse: parseDevices })).toEqual({ ok: false, failure: { kind: 'forbidden' } });
  });
});
