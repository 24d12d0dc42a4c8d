import type { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import { deleteAttachments, removedAttachments, saveAttachments } from '../photos/save-attachments';

/** An inspection's photos by checklist item key. */
export type PhotosByItem = Record<string, CapturedPhoto[]>;

const withoutRecord = ({ attachmentId: _, ...photo }: CapturedPhoto): CapturedPhoto => photo;

/**
 * Makes the device's attachment records of an inspection match the form: removed photos are
 * deleted, new ones recorded, each with its item key. Call it after the inspection is saved (the
 * outbox is pushed in order, and the server must know the inspection first). `before` is what the
 * device holds; a photo whose record is not in it (a draft kept from before a crash, say) is
 * recorded anew. `onProgress` hears what is recorded after every step, so that a failure halfway
 * leaves the caller knowing exactly what exists, and a retry repeats nothing.
 */
export async function savePhotosOfInspection(
  db: LocalDb,
  target: { inspectionId: string; regionId: string },
  before: PhotosByItem,
  after: PhotosByItem,
  onProgress: (saved: PhotosByItem) => void = () => {},
): Promise<PhotosByItem> {
  const saved: PhotosByItem = Object.fromEntries(Object.entries(before).map(([key, photos]) => [key, [...photos]]));
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const wanted = after[key] ?? [];
    for (const photo of removedAttachments(before[key] ?? [], wanted)) {
      await deleteAttachments(db, [photo]);
      saved[key] = (saved[key] ?? []).filter((p) => p.attachmentId !== photo.attachmentId);
      onProgress(saved);
    }
    const recorded = new Set((before[key] ?? []).map((p) => p.attachmentId));
    for (const photo of wanted) {
      if (photo.attachmentId && recorded.has(photo.attachmentId)) continue;
      const attachmentTarget = { owner: { inspectionId: target.inspectionId }, regionId: target.regionId, kind: 'inspection_photo', itemKey: key } as const;
      const [done] = await saveAttachments(db, attachmentTarget, [withoutRecord(photo)]);
      saved[key] = [...(saved[key] ?? []), done!];
      onProgress(saved);
    }
  }
  return Object.fromEntries(Object.entries(saved).filter(([, photos]) => photos.length > 0));
}

/**
 * The form's photos with the record ids of `saved`: a photo recorded gets its id, one whose record
 * is gone loses it (so that it is recorded again if it is kept).
 */
export function withRecordIds(photos: PhotosByItem, saved: PhotosByItem): PhotosByItem {
  return Object.fromEntries(
    Object.entries(photos).map(([key, list]) => [
      key,
      list.map((photo) => {
        const match = saved[key]?.find((s) => s.sha256 === photo.sha256);
        return match ? { ...photo, attachmentId: match.attachmentId } : withoutRecord(photo);
      }),
    ]),
  );
}
