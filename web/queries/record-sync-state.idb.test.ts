import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type EntityName } from '../../schema';
import { LocalDb, storePhotoBlob, type AttachmentBlobRow, type OutboxEntry } from '../../worker';
import { readRecordSyncState } from './record-sync-state';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('record-sync-state-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const regionId = uuidv7();
let seq = 1;
const onServer = { version: 7, deleted: false, updatedAt: '2026-05-01T00:00:00.000Z', updatedBy: 'u' };

/** A record as the device holds it; only the fields the sync state reads matter here. */
async function record(entity: EntityName, fields: Record<string, unknown> = {}) {
  const id = uuidv7();
  await db.entityTable(entity).put({ id, regionId, ...onServer, ...fields });
  return id;
}

async function entry(entity: EntityName, recordId: string, state: OutboxEntry['state'], extra: Partial<OutboxEntry> = {}) {
  await db.outbox.add({
    mutationId: uuidv7(),
    seq: seq++,
    entity,
    op: 'upsert',
    recordId,
    baseVersion: 7,
    fields: {},
    clientTime: '2026-05-01T00:00:00.000Z',
    state,
    ...extra,
  });
}

const sha = (n: number) => n.toString(16).padStart(64, '0');
async function attachmentOf(owner: Record<string, string>, n: number) {
  const id = await record('attachments', { householdId: null, applicationId: null, inspectionId: null, ...owner, sha256: sha(n), mimeType: 'image/jpeg' });
  return id;
}
const bytes = (n: number) => storePhotoBlob(db, new Blob([`photo ${n}`], { type: 'image/jpeg' }), { sha256: sha(n), mimeType: 'image/jpeg' });
const state = (entity: EntityName, id: string) => readRecordSyncState(db, entity, id);

describe('readRecordSyncState', () => {
  it('knows nothing of a record the device does not hold', async () => {
    expect(await state('households', uuidv7())).toBeNull();
  });

  it('says synced for a record the server has, and pending while a change of it waits', async () => {
    const id = await record('households');
    expect(await state('households', id)).toEqual({ state: 'synced' });
    await entry('households', id, 'acked', { appliedSeq: 9 });
    expect(await state('households', id)).toEqual({ state: 'synced' });
    await entry('households', id, 'pending');
    expect(await state('households', id)).toEqual({ state: 'pending' });
  });

  it('says draft for unsubmitted applications and occupancy reports, returned for applications sent back', async () => {
    const draft = await record('applications', { status: 'draft' });
    await entry('applications', draft, 'pending');
    expect(await state('applications', draft)).toEqual({ state: 'draft' });
    expect(await state('occupancyReports', await record('occupancyReports', { status: 'draft' }))).toEqual({ state: 'draft' });
    expect(await state('occupancyReports', await record('occupancyReports', { status: 'submitted' }))).toEqual({ state: 'synced' });
    expect(await state('applications', await record('applications', { status: 'returned' }))).toEqual({ state: 'returned' });
    const submitted = await record('applications', { status: 'submitted' });
    await entry('applications', submitted, 'pending');
    expect(await state('applications', submitted)).toEqual({ state: 'pending' });
  });

  it('S23: a record is not synced while an attachment record of it, or its bytes, are not on the server', async () => {
    const inspectionId = await record('inspections');
    const attachmentId = await attachmentOf({ inspectionId }, 1);
    await bytes(1);
    await entry('attachments', attachmentId, 'pending');
    expect(await state('inspections', inspectionId)).toEqual({ state: 'pending' });

    // The attachment record arrived; its bytes did not yet.
    await db.outbox.where('recordId').equals(attachmentId).modify({ state: 'acked', appliedSeq: 10 });
    expect(await state('inspections', inspectionId)).toEqual({ state: 'pending' });

    await db.attachmentBlobs.update(sha(1), { uploadState: 'uploaded' });
    expect(await state('inspections', inspectionId)).toEqual({ state: 'synced' });
  });

  it('S23: the bytes of another record’s attachment do not hold this one back', async () => {
    const householdId = await record('households');
    const otherId = await record('households');
    await attachmentOf({ householdId: otherId }, 2);
    await bytes(2);
    expect(await state('households', householdId)).toEqual({ state: 'synced' });
    expect(await state('households', otherId)).toEqual({ state: 'pending' });
  });

  it('S15, S23: says rejected, with the reason, for a refused change, attachment or file, before draft or pending', async () => {
    const applicationId = await record('applications', { status: 'draft' });
    const reason = { code: 'invalid_fields', message: 'NIK tidak valid' };
    await entry('applications', applicationId, 'rejected', { rejection: reason });
    expect(await state('applications', applicationId)).toEqual({ state: 'rejected', rejection: reason, of: 'record' });

    const householdId = await record('households');
    const attachmentId = await attachmentOf({ householdId }, 3);
    await entry('attachments', attachmentId, 'rejected', { rejection: { code: 'region_forbidden', message: 'x' } });
    expect(await state('households', householdId)).toMatchObject({ state: 'rejected', of: 'attachment', rejection: { code: 'region_forbidden' } });

    const inspectionId = await record('inspections');
    await attachmentOf({ inspectionId }, 4);
    await bytes(4);
    const refused: AttachmentBlobRow = { ...(await db.attachmentBlobs.get(sha(4)))!, refusal: { status: 422, code: 'hash_mismatch', message: 'damaged', at: '2026-05-01T00:00:00.000Z' } };
    await db.attachmentBlobs.put(refused);
    expect(await state('inspections', inspectionId)).toEqual({ state: 'rejected', of: 'attachmentBytes', rejection: { code: 'hash_mismatch', message: 'damaged' } });
  });
});
