import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { uuidv7 } from '../schema';
import { storePhotoBlob } from './attachment-store';
import { markUploaded, markUploadRefused } from './attachment-uploads';
import { LocalDb } from './local-db';
import { saveRecord } from './local-writes';
import { countUnsent } from './unsent-count';

let factory: IDBFactory;
let db: LocalDb;
const officer = { id: uuidv7(), username: 'petugas', displayName: 'Budi', role: 'field_officer' as const, regionIds: [] };
beforeEach(async () => {
  factory = new IDBFactory();
  db = new LocalDb('hunian', { indexedDB: factory, IDBKeyRange });
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: officer, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const sha = (n: number) => n.toString(16).padStart(64, '0');
const photo = (n: number) => storePhotoBlob(db, new Blob([`photo ${n}`], { type: 'image/jpeg' }), { sha256: sha(n), mimeType: 'image/jpeg' });
const attachmentFor = (n: number) =>
  saveRecord(db, 'attachments', undefined, {
    regionId: uuidv7(),
    householdId: uuidv7(),
    applicationId: null,
    inspectionId: null,
    itemKey: null,
    kind: 'id_card',
    sha256: sha(n),
    mimeType: 'image/jpeg',
    byteSize: 7,
    width: null,
    height: null,
    capturedAt: '2026-05-01T00:00:00.000Z',
  });

it('counts nothing on a device without a database', async () => {
  expect(await countUnsent('nothing-here', factory)).toBe(0);
});

it('S19, S23: counts pending outbox entries and the bytes of saved attachments not yet uploaded', async () => {
  await photo(1);
  await photo(2);
  await photo(3);
  await photo(4);
  await attachmentFor(1);
  await attachmentFor(2);
  await attachmentFor(3);
  // Photo 4 was never saved into a record: nobody's unsent work. Photo 2 is on the server, 3 refused.
  await markUploaded(db, sha(2));
  await markUploadRefused(db, sha(3), { status: 422, code: 'hash_mismatch', message: 'x', at: '2026-05-01T00:00:00.000Z' });
  // Three records pending, plus the bytes of photo 1.
  expect(await countUnsent('hunian', factory)).toBe(3 + 1);

  await db.outbox.toCollection().modify({ state: 'acked' });
  expect(await countUnsent('hunian', factory)).toBe(1);
  await markUploaded(db, sha(1));
  expect(await countUnsent('hunian', factory)).toBe(0);
});
