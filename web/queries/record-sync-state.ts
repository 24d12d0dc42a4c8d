import type { EntityName, Rejection } from '../../schema';
import type { AttachmentBlobRow, LocalDb, OutboxEntry } from '../../worker';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';

/**
 * Where a record stands with the server, as its badge says it:
 * - draft: an application or occupancy report not yet submitted (the person's own work in progress);
 * - returned: an application the office sent back for changes;
 * - rejected: the server refused a change of it, of one of its attachments, or an attachment's bytes;
 * - pending: a change of it or of its attachments, or an attachment's bytes, not yet on the server;
 * - synced: the server has it as the device shows it, attachments' bytes included (S23).
 */
export type RecordSyncState =
  | { state: 'draft' }
  | { state: 'returned' }
  | { state: 'pending' }
  | { state: 'rejected'; rejection: Rejection; of: 'record' | 'attachment' | 'attachmentBytes' }
  | { state: 'synced' };

/** The owner field of attachments, for the entities that have them. */
const attachmentOwnerField: Partial<Record<EntityName, 'householdId' | 'applicationId' | 'inspectionId'>> = {
  households: 'householdId',
  applications: 'applicationId',
  inspections: 'inspectionId',
};

const firstRejected = (entries: readonly OutboxEntry[]) => entries.find((e) => e.state === 'rejected' && e.rejection)?.rejection;
const anyPending = (entries: readonly OutboxEntry[]) => entries.some((e) => e.state === 'pending');

/** The record's sync state, or null when the device knows nothing of it. */
export async function readRecordSyncState(db: LocalDb, entity: EntityName, recordId: string): Promise<RecordSyncState | null> {
  const table = db.entityTable(entity);
  const ownerField = attachmentOwnerField[entity];
  return db.transaction('r', [table, db.outbox, db.attachments, db.attachmentBlobs], async () => {
    const [record, entries] = await Promise.all([table.get(recordId), db.outbox.where('recordId').equals(recordId).toArray()]);
    if (!record && entries.length === 0) return null;
    const attachments = ownerField ? await db.attachments.where(ownerField).equals(recordId).toArray() : [];
    const attachmentEntries = attachments.length > 0 ? await db.outbox.where('recordId').anyOf(attachments.map((a) => a.id)).toArray() : [];
    const blobs = (await db.attachmentBlobs.bulkGet(attachments.map((a) => a.sha256))) as (AttachmentBlobRow | undefined)[];

    // A refusal first: it waits for the person, whatever else is true of the record.
    const rejected = firstRejected(entries);
    if (rejected) return { state: 'rejected', rejection: rejected, of: 'record' };
    const rejectedAttachment = firstRejected(attachmentEntries);
    if (rejectedAttachment) return { state: 'rejected', rejection: rejectedAttachment, of: 'attachment' };
    const refusal = blobs.find((b) => b?.refusal)?.refusal;
    if (refusal) return { state: 'rejected', rejection: { code: refusal.code ?? 'upload_refused', message: refusal.message }, of: 'attachmentBytes' };

    const status = record?.status;
    if ((entity === 'applications' || entity === 'occupancyReports') && status === 'draft') return { state: 'draft' };
    if (entity === 'applications' && status === 'returned') return { state: 'returned' };

    if (anyPending(entries) || anyPending(attachmentEntries)) return { state: 'pending' };
    // Bytes the device does not hold were uploaded from another device: a saved attachment whose
    // bytes are here and not uploaded keeps the record unsynced (S23).
    if (blobs.some((b) => b?.uploadState === 'pending')) return { state: 'pending' };
    return { state: 'synced' };
  });
}

/** A record's sync state, kept current; undefined while it is read, null when unknown here. */
export function useRecordSyncState(entity: EntityName, recordId: string): RecordSyncState | null | undefined {
  const { db } = useAppServices();
  return useLiveQuery(() => readRecordSyncState(db, entity, recordId), [db, entity, recordId]);
}
