import { defineEntity } from '../entity';
import { f } from '../field';

export const attachmentKinds = ['id_card', 'family_card', 'income_letter', 'inspection_photo', 'other'] as const;
export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** Largest file the server accepts, after the phone's compression (a 1600 px JPEG is ~300 KB). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/**
 * A document or photo of a household, an application or an inspection. The record syncs like any
 * other; the bytes are content-addressed by SHA-256 and uploaded after it, so an upload is
 * idempotent and resumable. Exactly one owner field is set.
 */
export const attachment = defineEntity({
  name: 'attachments',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    householdId: f.ref('households').nullable(),
    applicationId: f.ref('applications').nullable(),
    inspectionId: f.ref('inspections').nullable(),
    /** The checklist item a photo shows (inspection photos). */
    itemKey: f.text(64).nullable(),
    kind: f.oneOf(attachmentKinds),
    sha256: f.checkedText(64, (v) => (/^[0-9a-f]{64}$/.test(v) ? null : 'sha256_format')).indexed(),
    mimeType: f.oneOf(attachmentMimeTypes),
    byteSize: f.int(1, MAX_ATTACHMENT_BYTES),
    width: f.int(1, 20_000).nullable(),
    height: f.int(1, 20_000).nullable(),
    capturedAt: f.timestamp(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
  writeRule: ({ after }) => {
    const owners = [after.householdId, after.applicationId, after.inspectionId].filter((v) => v !== null);
    return owners.length === 1 ? null : { code: 'one_owner', message: 'An attachment belongs to exactly one record' };
  },
});
