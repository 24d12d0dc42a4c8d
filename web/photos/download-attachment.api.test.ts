import { createHash, randomBytes } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../api/test-support/test-server';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7 } from '../../schema';
import { LocalDb, signIn } from '../../worker';
import { downloadAttachment } from './download-attachment';

// S23: a device that did not take a photo fetches its bytes from the real API over HTTP.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;
beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
  db = new LocalDb('download-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(async () => {
  db.close();
  await http.close();
  server.close();
});

/** Another device of the Bandung officer recorded a photo and uploaded it. */
async function uploadedElsewhere(bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { token } = await server.login('petugas');
  const unit = server.unitIn('Kota Bandung');
  const inspection = server.inspectionMutation(unit, 1);
  const id = uuidv7();
  const fields = { id, regionId: unit.regionId, householdId: null, applicationId: null, inspectionId: inspection.recordId, itemKey: null, kind: 'inspection_photo', sha256, mimeType: 'image/jpeg', byteSize: bytes.length, width: 10, height: 10, capturedAt: new Date().toISOString() };
  const attachment = { id: uuidv7(), seq: 2, entity: 'attachments', op: 'upsert', recordId: id, baseVersion: null, clientTime: new Date().toISOString(), fields };
  const pushed = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: uuidv7(), mutations: [inspection, attachment] }, token);
  expect(pushed.status).toBe(200);
  const put = await server.request(`/api/attachments/${sha256}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: new Uint8Array(bytes) });
  expect(put.status).toBe(201);
  return sha256;
}

it('S23: keeps fetched bytes on the device as already uploaded, so they need no upload and show offline', async () => {
  const bytes = randomBytes(5000);
  const sha256 = await uploadedElsewhere(bytes);
  await signIn(db, http.baseUrl, 'petugas', 'petugas123');

  expect(await downloadAttachment(db, http.baseUrl, sha256)).toBe(true);
  const row = await db.attachmentBlobs.get(sha256);
  expect(row).toMatchObject({ uploadState: 'uploaded', mimeType: 'image/jpeg', byteSize: 5000 });
  expect(Buffer.from(await row!.blob.arrayBuffer()).equals(bytes)).toBe(true);
});

it('S23: gets nothing for a user who may not read the record, nor offline', async () => {
  const sha256 = await uploadedElsewhere(randomBytes(100));
  await signIn(db, http.baseUrl, 'petugas.jaktim', 'petugas123');
  expect(await downloadAttachment(db, http.baseUrl, sha256)).toBe(false);
  expect(await downloadAttachment(db, 'http://127.0.0.1:9', sha256)).toBe(false);
  expect(await db.attachmentBlobs.count()).toBe(0);
});
