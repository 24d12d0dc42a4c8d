import type { AttachmentBlob, LocalDb } from './local-db';

/** Why the server refused an attachment's bytes for good (a 4xx answer). The bytes stay on the device. */
export interface UploadRefusal {
  status: number;
  code: string | null;
  message: string;
  at: string;
}

/** A row of the attachmentBlobs store, with the server's refusal once there is one. */
export type AttachmentBlobRow = AttachmentBlob & { refusal?: UploadRefusal };

export interface PendingUpload {
  sha256: string;
  mimeType: string;
  blob: Blob;
}

/** Blobs not yet on the server, oldest first: with or without a refusal. */
async function pendingBlobs(db: LocalDb): Promise<AttachmentBlobRow[]> {
  const rows = (await db.attachmentBlobs.where('uploadState').equals('pending').toArray()) as AttachmentBlobRow[];
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Does the server hold this record as the device has it? True once a change of it was applied
 * (a server version, or an acknowledged entry the pull has not yet passed) and nothing of it is
 * still waiting or refused.
 */
async function recordOnServer(db: LocalDb, record: { id: string; version: number }): Promise<boolean> {
  const entries = await db.outbox.where('recordId').equals(record.id).toArray();
  if (entries.some((e) => e.state !== 'acked')) return false;
  return record.version > 0 || entries.length > 0;
}

/**
 * The bytes the server is ready for (S23): not uploaded, not refused, and named by an attachment
 * record the server already has. The record goes first, so the server can tell who may send and
 * see these bytes; bytes whose record is still in the outbox wait for the next round.
 */
export async function readUploadableAttachments(db: LocalDb, limit: number): Promise<PendingUpload[]> {
  return db.transaction('r', db.attachmentBlobs, db.attachments, db.outbox, async () => {
    const ready: PendingUpload[] = [];
    for (const row of await pendingBlobs(db)) {
      if (ready.length >= limit) break;
      if (row.refusal) continue;
      const records = await db.attachments.where('sha256').equals(row.sha256).toArray();
      for (const record of records) {
        if (await recordOnServer(db, record)) {
          ready.push({ sha256: row.sha256, mimeType: row.mimeType, blob: row.blob });
          break;
        }
      }
    }
    return ready;
  });
}

export async function markUploaded(db: LocalDb, sha256: string): Promise<void> {
  await db.transaction('rw', db.attachmentBlobs, async () => {
    const row = (await db.attachmentBlobs.get(sha256)) as AttachmentBlobRow | undefined;
    if (!row) return;
    const { refusal: _dropped, ...rest } = row;
    await db.attachmentBlobs.put({ ...rest, uploadState: 'uploaded' });
  });
}

/** Keeps the bytes, marked with the server's refusal: they are not sent again by themselves. */
export async function markUploadRefused(db: LocalDb, sha256: string, refusal: UploadRefusal): Promise<void> {
  await db.attachmentBlobs.update(sha256, { refusal } as Partial<AttachmentBlob>);
}

/** Sends refused bytes again at the next round (after the cause was fixed, say). */
export async function retryRefusedUpload(db: LocalDb, sha256: string): Promise<void> {
  await db.transaction('rw', db.attachmentBlobs, async () => {
    const row = (await db.attachmentBlobs.get(sha256)) as AttachmentBlobRow | undefined;
    if (!row?.refusal) return;
    const { refusal: _dropped, ...rest } = row;
    await db.attachmentBlobs.put(rest);
  });
}

export interface UploadCounts {
  /** Bytes of saved attachments not on the server yet. */
  pending: number;
  /** Bytes the server refused; they stay on the device. */
  refused: number;
}

/**
 * Bytes still to send, counted only for attachments that were saved: a photo taken for a form
 * that was never saved is no unsent work of the user (it stays, with the form's draft).
 */
export async function countPendingUploads(db: LocalDb): Promise<UploadCounts> {
  return db.transaction('r', db.attachmentBlobs, db.attachments, async () => {
    const counts: UploadCounts = { pending: 0, refused: 0 };
    for (const row of await pendingBlobs(db)) {
      if ((await db.attachments.where('sha256').equals(row.sha256).count()) === 0) continue;
      if (row.refusal) counts.refused++;
      else counts.pending++;
    }
    return counts;
  });
}
