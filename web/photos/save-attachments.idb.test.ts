import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import { readAttachmentsOf } from './attachments-of';
import { AttachmentSaveError, removedAttachments, saveAttachments, updateAttachments } from './save-attachments';

let db: LocalDb;
const officer = { id: uuidv7(), username: 'petugas', displayName: 'Budi', role: 'field_officer' as const, regionIds: [] };
beforeEach(async () => {
  db = new LocalDb('save-attachments-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: officer, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const regionId = uuidv7();
const householdId = uuidv7();
const photo = (n: number): CapturedPhoto => ({
  sha256: n.toString(16).padStart(64, '0'),
  mimeType: 'image/jpeg',
  byteSize: 1000 + n,
  width: 1600,
  height: 1200,
  capturedAt: `2026-05-0${n}T00:00:00.000Z`,
});

describe('saveAttachments', () => {
  it('creates one record per new photo, in order, and answers the photos with their ids', async () => {
    const saved = await saveAttachments(db, { owner: { householdId }, regionId, kind: 'id_card' }, [photo(1), photo(2)]);
    expect(saved.map((p) => p.attachmentId)).toEqual([expect.any(String), expect.any(String)]);
    const records = await readAttachmentsOf(db, { householdId });
    expect(records.map((r) => [r.id, r.sha256, r.kind, r.householdId, r.applicationId, r.inspectionId])).toEqual([
      [saved[0]?.attachmentId, photo(1).sha256, 'id_card', householdId, null, null],
      [saved[1]?.attachmentId, photo(2).sha256, 'id_card', householdId, null, null],
    ]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.entity, e.recordId])).toEqual(saved.map((p) => ['attachments', p.attachmentId]));
  });

  it('leaves photos that already have a record alone', async () => {
    const [first] = await saveAttachments(db, { owner: { householdId }, regionId, kind: 'id_card' }, [photo(1)]);
    const again = await saveAttachments(db, { owner: { householdId }, regionId, kind: 'id_card' }, [first!, photo(2)]);
    expect(again[0]).toEqual(first);
    expect(await db.attachments.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses a photo the schema refuses (a bad hash), saying which field', async () => {
    await expect(saveAttachments(db, { owner: { householdId }, regionId, kind: 'id_card' }, [{ ...photo(1), sha256: 'nope' }])).rejects.toBeInstanceOf(
      AttachmentSaveError,
    );
    expect(await db.attachments.count()).toBe(0);
  });
});

describe('removedAttachments and updateAttachments', () => {
  it('finds the saved photos the person removed, and deletes their records', async () => {
    const target = { owner: { householdId }, regionId, kind: 'family_card' as const };
    const before = await saveAttachments(db, target, [photo(1), photo(2)]);
    const after = [before[1]!, photo(3)];
    expect(removedAttachments(before, after)).toEqual([before[0]]);

    const result = await updateAttachments(db, target, before, after);
    expect(result[0]).toEqual(before[1]);
    expect(result[1]?.attachmentId).toEqual(expect.any(String));
    const left = await readAttachmentsOf(db, { householdId }, { kind: 'family_card' });
    expect(left.map((r) => r.sha256)).toEqual([photo(2).sha256, photo(3).sha256]);
  });
});
