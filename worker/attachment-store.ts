import type { AttachmentBlob, LocalDb } from './local-db';

export interface PhotoBlobMeta {
  sha256: string;
  mimeType: string;
  now?: Date;
}

/**
 * Keeps a photo's or document's bytes on the device until the server has them (and after, for
 * viewing offline). Content-addressed: storing the same bytes twice is one entry, and an entry the
 * server already has keeps its 'uploaded' state.
 */
export async function storePhotoBlob(db: LocalDb, blob: Blob, meta: PhotoBlobMeta): Promise<AttachmentBlob> {
  return db.transaction('rw', db.attachmentBlobs, async () => {
    const existing = await db.attachmentBlobs.get(meta.sha256);
    if (existing) return existing;
    const entry: AttachmentBlob = {
      sha256: meta.sha256,
      blob,
      mimeType: meta.mimeType,
      byteSize: blob.size,
      uploadState: 'pending',
      createdAt: (meta.now ?? new Date()).toISOString(),
    };
    await db.attachmentBlobs.put(entry);
    return entry;
  });
}

/** Keeps bytes fetched from the server, so the next view works offline; they need no upload. */
export async function cacheDownloadedBlob(db: LocalDb, blob: Blob, meta: PhotoBlobMeta): Promise<void> {
  await db.transaction('rw', db.attachmentBlobs, async () => {
    if (await db.attachmentBlobs.get(meta.sha256)) return;
    await db.attachmentBlobs.put({
      sha256: meta.sha256,
      blob,
      mimeType: meta.mimeType,
      byteSize: blob.size,
      uploadState: 'uploaded',
      createdAt: (meta.now ?? new Date()).toISOString(),
    });
  });
}
