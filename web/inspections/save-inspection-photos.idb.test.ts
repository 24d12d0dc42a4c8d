import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../schema';
import { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import { readAttachmentsOf } from '../photos/attachments-of';
import { savePhotosOfInspection, withRecordIds, type PhotosByItem } from './save-inspection-photos';

let db: LocalDb;
beforeEach(async () => {
  db = new LocalDb('inspection-photos-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const user = { id: 'officer-1', username: 'petugas', displayName: 'Siti', role: 'field_officer' as const, regionIds: [] };
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const target = { inspectionId: uuidv7(), regionId: uuidv7() };
const photo = (n: number): CapturedPhoto => ({
  sha256: n.toString(16).padStart(64, '0'),
  mimeType: 'image/jpeg',
  byteSize: 1000 + n,
  width: 1600,
  height: 1200,
  capturedAt: `2026-05-0${n}T00:00:00.000Z`,
});
const stored = async () =>
  (await readAttachmentsOf(db, { inspectionId: target.inspectionId })).map((a) => [a.itemKey, a.sha256.slice(-1), a.kind, a.regionId === target.regionId]);

describe('savePhotosOfInspection', () => {
  it('records each new photo with its item key, and answers what is recorded', async () => {
    const saved = await savePhotosOfInspection(db, target, {}, { 'unit.walls': [photo(1), photo(2)], 'outside.drainage': [photo(3)] });
    expect(await stored()).toEqual([
      ['unit.walls', '1', 'inspection_photo', true],
      ['unit.walls', '2', 'inspection_photo', true],
      ['outside.drainage', '3', 'inspection_photo', true],
    ]);
    expect(saved['unit.walls']?.map((p) => p.attachmentId)).toEqual([expect.any(String), expect.any(String)]);
  });

  it('deletes the records of photos removed, or of an item no longer passed, and records nothing twice', async () => {
    const first = await savePhotosOfInspection(db, target, {}, { 'unit.walls': [photo(1), photo(2)], 'unit.floor': [photo(3)] });
    const outboxBefore = await db.outbox.count();
    const second = await savePhotosOfInspection(db, target, first, { 'unit.walls': [first['unit.walls']![1]!, photo(4)] });
    expect(await stored()).toEqual([
      ['unit.walls', '2', 'inspection_photo', true],
      ['unit.walls', '4', 'inspection_photo', true],
    ]);
    // Two deletes and one create: the kept photo is not written again.
    expect((await db.outbox.count()) - outboxBefore).toBe(3);
    expect(Object.keys(second)).toEqual(['unit.walls']);
  });

  it('records anew a photo whose record id the device does not hold (a draft from before a crash)', async () => {
    const ghost = { ...photo(5), attachmentId: uuidv7() };
    await savePhotosOfInspection(db, target, {}, { 'building.roof': [ghost] });
    const [record] = await readAttachmentsOf(db, { inspectionId: target.inspectionId });
    expect(record?.id).not.toBe(ghost.attachmentId);
  });

  it('reports each step, so that a failure halfway leaves the caller knowing what exists', async () => {
    const steps: PhotosByItem[] = [];
    const bad = { ...photo(2), sha256: 'not a hash' };
    await expect(
      savePhotosOfInspection(db, target, {}, { 'unit.walls': [photo(1), bad] }, (saved) => steps.push(structuredClone(saved))),
    ).rejects.toThrow();
    expect(steps.map((s) => s['unit.walls']?.length)).toEqual([1]);
    const form = withRecordIds({ 'unit.walls': [photo(1), bad] }, steps[0]!);
    expect(form['unit.walls']?.map((p) => p.attachmentId)).toEqual([steps[0]!['unit.walls']![0]!.attachmentId, undefined]);
    // The retry from there records the other photo only.
    await savePhotosOfInspection(db, target, steps[0]!, { 'unit.walls': [form['unit.walls']![0]!, photo(3)] });
    expect((await stored()).map((s) => s[1])).toEqual(['1', '3']);
  });

  it('withRecordIds drops the id of a photo whose record is gone', () => {
    const form = withRecordIds({ 'unit.walls': [{ ...photo(1), attachmentId: 'gone' }] }, {});
    expect(form['unit.walls']?.[0]).toEqual(photo(1));
  });
});
