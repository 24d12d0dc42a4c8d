import type { Attachment } from '../../schema';
import type { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import type { AttachmentKind, AttachmentOwner } from './save-attachments';

/** A saved attachment as the photo component shows it. */
export function capturedPhotoOf(attachment: Attachment): CapturedPhoto {
  return {
    sha256: attachment.sha256,
    mimeType: attachment.mimeType,
    byteSize: attachment.byteSize,
    width: attachment.width,
    height: attachment.height,
    capturedAt: attachment.capturedAt,
    attachmentId: attachment.id,
  };
}

/** The live attachments of one record, oldest first, optionally of one kind (and checklist item). */
export async function readAttachmentsOf(
  db: LocalDb,
  owner: AttachmentOwner,
  filter: { kind?: AttachmentKind; itemKey?: string | null } = {},
): Promise<Attachment[]> {
  const [field, id] = Object.entries(owner)[0] as [keyof AttachmentOwner & string, string];
  const rows = await db.attachments.where(field).equals(id).toArray();
  return rows
    .filter((a) => !a.deleted && (filter.kind === undefined || a.kind === filter.kind) && (filter.itemKey === undefined || a.itemKey === filter.itemKey))
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
}
