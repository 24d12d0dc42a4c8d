import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { storePhotoBlob } from './attachment-store';
import { countPendingUploads, type AttachmentBlobRow } from './attachment-uploads';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { deleteRecord, saveRecord } from './local-writes';
import { signIn } from './sign-in';
import { syncOnce } from './sync-engine';
import { SyncError } from './sync-status';
import { fetchTransport, type Transport } from './transport';

// S23, the device's side: the real engine against the real API over HTTP, Dexie on fake-indexeddb.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;

beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
  db = new LocalDb('hunian-upload-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await signIn(db, http.baseUrl, 'petugas', 'petugas123');
  await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl));
});
afterEach(async () => {
  db.close();
  await http.close();
  server.close();
});

const storedOnServer = (sha256: string) => path.join(path.dirname(server.dbPath), 'attachments', sha256.slice(0, 2), sha256);

/** Counts the uploads a transport makes, and lets a test break some of them. */
function watched(inner: Transport, hooks: { beforeUpload?: (n: number) => void; afterUpload?: (n: number) => void; push?: Transport['push'] } = {}) {
  const calls: string[] = [];
  let uploads = 0;
  const transport: Transport = {
    ...inner,
    push: (token, request) => {
      calls.push('push');
      return (hooks.push ?? inner.push)(token, request);
    },
    uploadAttachment: async (token, sha256, blob, mimeType) => {
      const n = ++uploads;
      calls.push(`upload ${sha256.slice(0, 8)}`);
      hooks.beforeUpload?.(n);
      await inner.uploadAttachment(token, sha256, blob, mimeType);
      hooks.afterUpload?.(n);
    },
  };
  return { transport, calls, uploads: () => uploads };
}

const offline = () => {
  throw new SyncError('offline', 'connection dropped');
};

/** A photo taken during an inspection, saved as the app does: bytes, inspection, then attachment. */
async function photographInspection(bytes = randomBytes(20_000)) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await storePhotoBlob(db, new Blob([bytes], { type: 'image/jpeg' }), { sha256, mimeType: 'image/jpeg' });
  const unit = (await db.units.toArray())[0]!;
  const session = (await db.getMeta('session'))!;
  const inspection = await saveRecord(db, 'inspections', undefined, {
    regionId: unit.regionId,
    unitId: unit.id,
    type: 'periodic',
    inspectedOn: '2026-11-24',
    conditionRating: 3,
    notes: 'Dinding retak',
    inspectorId: session.user.id,
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist: [],
  });
  if (!inspection.ok) throw new Error('inspection not saved');
  const attachment = await saveRecord(db, 'attachments', undefined, {
    regionId: unit.regionId,
    householdId: null,
    applicationId: null,
    inspectionId: inspection.id,
    itemKey: null,
    kind: 'inspection_photo',
    sha256,
    mimeType: 'image/jpeg',
    byteSize: bytes.length,
    width: 1600,
    height: 1200,
    capturedAt: new Date().toISOString(),
  });
  if (!attachment.ok) throw new Error('attachment not saved');
  return { bytes, sha256, attachmentId: attachment.id };
}

const blobRow = async (sha256: string) => (await db.attachmentBlobs.get(sha256)) as AttachmentBlobRow | undefined;

describe('S23: attachment bytes upload after their record', () => {
  it('S23: the bytes arrive once, in the round that sends their record, and are not sent again', async () => {
    const photo = await photographInspection();
    expect(await countPendingUploads(db)).toEqual({ pending: 1, refused: 0 });
    const { transport, calls, uploads } = watched(fetchTransport(http.baseUrl));

    const outcome = await syncOnce(dexieSyncStore(db), transport);
    expect(outcome).toMatchObject({ ok: true, pushed: 2, uploaded: 1 });
    expect(calls).toEqual(['push', `upload ${photo.sha256.slice(0, 8)}`]);
    expect(fs.readFileSync(storedOnServer(photo.sha256)).equals(photo.bytes)).toBe(true);
    expect((await blobRow(photo.sha256))?.uploadState).toBe('uploaded');
    expect(await countPendingUploads(db)).toEqual({ pending: 0, refused: 0 });

    await syncOnce(dexieSyncStore(db), transport);
    expect(uploads()).toBe(1);
    // The device keeps the bytes for viewing offline.
    expect((await blobRow(photo.sha256))?.blob.size).toBe(photo.bytes.length);
  });

  it('S23: an upload waits until its record is acknowledged', async () => {
    const photo = await photographInspection();
    // The push cannot be made: the record is not on the server, so neither are the bytes sent.
    const cut = watched(fetchTransport(http.baseUrl), { push: offline });
    expect(await syncOnce(dexieSyncStore(db), cut.transport)).toMatchObject({ ok: false, kind: 'offline' });
    expect(cut.uploads()).toBe(0);
    expect(await dexieSyncStore(db).uploadableAttachments(10)).toEqual([]);
    expect((await blobRow(photo.sha256))?.uploadState).toBe('pending');

    // The server refuses the record: its bytes must not go either.
    const refusing = watched(fetchTransport(http.baseUrl), {
      push: (token, request) => fetchTransport(http.baseUrl).push(token, { ...request, mutations: request.mutations.map((m) => (m.entity === 'attachments' ? { ...m, fields: { ...m.fields, inspectionId: null } } : m)) }),
    });
    expect(await syncOnce(dexieSyncStore(db), refusing.transport)).toMatchObject({ ok: true, pushed: 2, rejected: 1, uploaded: 0 });
    expect(refusing.uploads()).toBe(0);
    expect(fs.existsSync(storedOnServer(photo.sha256))).toBe(false);
    expect(await countPendingUploads(db)).toEqual({ pending: 1, refused: 0 });
  });

  it('S23: an upload cut off before it arrives is sent again at the next round', async () => {
    const photo = await photographInspection();
    const first = watched(fetchTransport(http.baseUrl), { beforeUpload: offline });
    expect(await syncOnce(dexieSyncStore(db), first.transport)).toMatchObject({ ok: false, kind: 'offline' });
    expect(first.uploads()).toBe(1);
    expect(fs.existsSync(storedOnServer(photo.sha256))).toBe(false);
    expect((await blobRow(photo.sha256))?.uploadState).toBe('pending');
    expect((await db.getMeta('syncStatus'))?.lastError?.kind).toBe('offline');

    expect(await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl))).toMatchObject({ ok: true, uploaded: 1 });
    expect(fs.readFileSync(storedOnServer(photo.sha256)).equals(photo.bytes)).toBe(true);
    expect((await blobRow(photo.sha256))?.uploadState).toBe('uploaded');
  });

  it('S23: an upload whose answer was lost is sent again harmlessly: the server has it once', async () => {
    const photo = await photographInspection();
    const lost = watched(fetchTransport(http.baseUrl), { afterUpload: offline });
    expect(await syncOnce(dexieSyncStore(db), lost.transport)).toMatchObject({ ok: false, kind: 'offline' });
    expect(fs.existsSync(storedOnServer(photo.sha256))).toBe(true);
    const before = fs.statSync(storedOnServer(photo.sha256));

    expect(await syncOnce(dexieSyncStore(db), fetchTransport(http.baseUrl))).toMatchObject({ ok: true, uploaded: 1 });
    expect((await blobRow(photo.sha256))?.uploadState).toBe('uploaded');
    expect(fs.statSync(storedOnServer(photo.sha256)).mtimeMs).toBe(before.mtimeMs);
  });

  it('S23: bytes the server refuses stay on the device, marked and counted, and are not resent by themselves', async () => {
    const photo = await photographInspection();
    // The bytes on the device no longer match their name (damaged storage): the server says 422.
    await db.attachmentBlobs.update(photo.sha256, { blob: new Blob([randomBytes(100)], { type: 'image/jpeg' }) });
    const { transport, uploads } = watched(fetchTransport(http.baseUrl));

    expect(await syncOnce(dexieSyncStore(db), transport)).toMatchObject({ ok: true, uploaded: 0, uploadsRefused: 1 });
    const row = await blobRow(photo.sha256);
    expect(row).toMatchObject({ uploadState: 'pending', refusal: { status: 422, code: 'hash_mismatch' } });
    expect(row?.blob.size).toBe(100);
    expect(await countPendingUploads(db)).toEqual({ pending: 0, refused: 1 });

    await syncOnce(dexieSyncStore(db), transport);
    expect(uploads()).toBe(1);
  });

  it('S23: bytes of a photo whose record was deleted before it was sent are not uploaded nor counted', async () => {
    const photo = await photographInspection();
    await deleteRecord(db, 'attachments', photo.attachmentId);
    const { transport, uploads } = watched(fetchTransport(http.baseUrl));
    expect(await syncOnce(dexieSyncStore(db), transport)).toMatchObject({ ok: true, uploaded: 0 });
    expect(uploads()).toBe(0);
    expect(await countPendingUploads(db)).toEqual({ pending: 0, refused: 0 });
    // Never deleted by the app: the bytes are the user's.
    expect(await blobRow(photo.sha256)).toBeDefined();
  });
});
