import type { attachmentKinds, attachmentMimeTypes, EntityName, FieldProblem } from '../../schema';
import { deleteRecord, saveRecord, type LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';

export type AttachmentKind = (typeof attachmentKinds)[number];
export type AttachmentOwner = { householdId: string } | { applicationId: string } | { inspectionId: string };

export interface AttachmentTarget {
  owner: AttachmentOwner;
  /** The owner's region: a record must be in the same region as what it references. */
  regionId: string;
  kind: AttachmentKind;
  /** The checklist item an inspection photo shows. */
  itemKey?: string | null;
}

/** An attachment record the device refused to save: a bug of the caller, never the person's doing. */
export class AttachmentSaveError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Attachment not saved: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
    this.name = 'AttachmentSaveError';
  }
}

/**
 * Creates an attachment record for each photo that has none yet, and answers the photos with
 * their record ids. Save the owner record first: the outbox is pushed in order, so the server
 * sees the owner before the attachment that references it (and the bytes follow their record).
 */
export async function saveAttachments(db: LocalDb, target: AttachmentTarget, photos: readonly CapturedPhoto[]): Promise<CapturedPhoto[]> {
  const saved: CapturedPhoto[] = [];
  for (const photo of photos) {
    if (photo.attachmentId) {
      saved.push(photo);
      continue;
    }
    const result = await saveRecord(db, 'attachments', undefined, {
      regionId: target.regionId,
      householdId: null,
      applicationId: null,
      inspectionId: null,
      ...target.owner,
      itemKey: target.itemKey ?? null,
      kind: target.kind,
      sha256: photo.sha256,
      mimeType: photo.mimeType as (typeof attachmentMimeTypes)[number],
      byteSize: photo.byteSize,
      width: photo.width,
      height: photo.height,
      capturedAt: photo.capturedAt,
    });
    if (!result.ok) throw new AttachmentSaveError(result.problems);
    saved.push({ ...photo, attachmentId: result.id });
  }
  return saved;
}

/** The saved photos that were in `before` and are no longer in `after`: the person removed them. */
export function removedAttachments(before: readonly CapturedPhoto[], after: readonly CapturedPhoto[]): CapturedPhoto[] {
  const kept = new Set(after.map((p) => p.attachmentId).filter(Boolean));
  return before.filter((p) => p.attachmentId !== undefined && !kept.has(p.attachmentId));
}

/** Deletes the records of photos the person removed. Their bytes stay on the device. */
export async function deleteAttachments(db: LocalDb, photos: readonly CapturedPhoto[]): Promise<void> {
  for (const photo of photos) if (photo.attachmentId) await deleteRecord(db, 'attachments' satisfies EntityName, photo.attachmentId);
}

/**
 * Saves the new photos and deletes the removed ones, in one call for a form's save: `before` is
 * what the form loaded, `after` what it shows now. Answers the photos with their record ids.
 */
export async function updateAttachments(
  db: LocalDb,
  target: AttachmentTarget,
  before: readonly CapturedPhoto[],
  after: readonly CapturedPhoto[],
): Promise<CapturedPhoto[]> {
  await deleteAttachments(db, removedAttachments(before, after));
  return saveAttachments(db, target, after);
}
