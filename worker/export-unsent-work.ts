import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../schema';
import type { AttachmentBlob, LocalDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';

/** Names the file's shape, so that a tool reading it back (or a person) knows what it holds. */
export const unsentWorkFormat = 'hunian-unsent-work';
export const unsentWorkFormatVersion = 1;

/** The file's head: everything but the attachments' bytes. */
export interface UnsentWorkHead {
  format: typeof unsentWorkFormat;
  formatVersion: typeof unsentWorkFormatVersion;
  exportedAt: string;
  deviceId: string | null;
  user: { id: string; username: string; displayName: string } | null;
  appVersion: string | null;
  schemaVersion: number;
  protocolVersion: number;
  /** Changes the server has not acknowledged (pending) or refused (rejected, with the reason), in seq order. */
  outbox: OutboxEntry[];
}

export interface UnsentAttachment {
  sha256: string;
  mimeType: string;
  byteSize: number;
  createdAt: string;
  base64: string;
}

export type UnsentWorkFile = UnsentWorkHead & { attachments: UnsentAttachment[] };

/** Base64 of the bytes, in slices: one `String.fromCharCode` over megabytes overflows the stack. */
function toBase64(bytes: Uint8Array): string {
  const slice = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The last resort when sync cannot reach the server: the changes it has not taken and the photo
 * bytes not uploaded, as one JSON file (UnsentWorkFile) that can be handed over and replayed.
 * Read in one transaction, so the outbox and the attachments agree. The file is assembled as a
 * Blob of parts, one per attachment, so that no single string holds every photo at once.
 */
export async function exportUnsentWork(db: LocalDb, options: { now?: Date; appVersion?: string } = {}): Promise<Blob> {
  const { outbox, blobs, session, device } = await db.transaction('r', [db.outbox, db.attachmentBlobs, db.meta], async () => ({
    outbox: await db.outbox.where('state').anyOf('pending', 'rejected').sortBy('seq'),
    blobs: await db.attachmentBlobs.where('uploadState').equals('pending').toArray(),
    session: await db.getMeta('session'),
    device: await db.getMeta('device'),
  }));

  const head: UnsentWorkHead = {
    format: unsentWorkFormat,
    formatVersion: unsentWorkFormatVersion,
    exportedAt: (options.now ?? new Date()).toISOString(),
    deviceId: session?.deviceId ?? device?.deviceId ?? null,
    // Never the token: the file may travel on a USB stick or a chat app.
    user: session ? { id: session.user.id, username: session.user.username, displayName: session.user.displayName } : null,
    appVersion: options.appVersion ?? null,
    schemaVersion: SCHEMA_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    outbox,
  };

  const headJson = JSON.stringify(head);
  const parts: BlobPart[] = [`${headJson.slice(0, -1)},"attachments":[`];
  blobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const [index, entry] of blobs.entries()) {
    parts.push(new Blob([(index > 0 ? ',' : '') + (await attachmentJson(entry))]));
  }
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}

async function attachmentJson(entry: AttachmentBlob): Promise<string> {
  const attachment: UnsentAttachment = {
    sha256: entry.sha256,
    mimeType: entry.mimeType,
    byteSize: entry.byteSize,
    createdAt: entry.createdAt,
    base64: toBase64(await blobBytes(entry.blob)),
  };
  return JSON.stringify(attachment);
}

/** The file name for an export made at `now`, by the device's calendar: hunian-unsent-2026-11-25.json. */
export function unsentWorkFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `hunian-unsent-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
