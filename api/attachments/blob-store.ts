import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const sha256Pattern = /^[0-9a-f]{64}$/;

/** The folder of attachment bytes: beside the SQLite file, so a backup of the folder takes both. */
export function attachmentsDirFor(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'attachments');
}

/** Why bytes were not stored. */
export class BlobRefused extends Error {
  constructor(
    readonly reason: 'too_large' | 'hash_mismatch' | 'incomplete',
    message: string,
  ) {
    super(message);
  }
}

export interface StoredBlob {
  path: string;
  byteSize: number;
}

export interface AttachmentBlobStore {
  /** The stored bytes of a hash, or undefined while they have not arrived. */
  stat(sha256: string): Promise<StoredBlob | undefined>;
  /**
   * Stores bytes under their hash: streamed to a temporary file while counting and hashing, then
   * renamed into place, so a reader never sees half a file and an interrupted upload leaves
   * nothing behind but a temporary file. Throws BlobRefused past `maxBytes` or when the bytes
   * do not hash to `sha256`.
   */
  put(sha256: string, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBlob>;
  open(sha256: string): fs.ReadStream;
}

/** Temporary files older than this are left over from a crash or a dropped upload. */
const staleTempMs = 60 * 60 * 1000;

/** Attachment bytes on disk, `<dir>/ab/abcdef…` (the first two hex digits fan the files out). */
export function diskBlobStore(dir: string): AttachmentBlobStore {
  const tempDir = path.join(dir, '.tmp');
  fs.mkdirSync(tempDir, { recursive: true });
  for (const name of fs.readdirSync(tempDir)) {
    const file = path.join(tempDir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > staleTempMs) fs.rmSync(file, { force: true });
  }

  const pathOf = (sha256: string) => {
    // The route checks the format; this check keeps a bad name from ever reaching the file system.
    if (!sha256Pattern.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return path.join(dir, sha256.slice(0, 2), sha256);
  };

  async function stat(sha256: string): Promise<StoredBlob | undefined> {
    const file = pathOf(sha256);
    try {
      return { path: file, byteSize: (await fs.promises.stat(file)).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async function put(sha256: string, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
    const target = pathOf(sha256);
    const temp = path.join(tempDir, `${sha256}.${randomUUID()}`);
    const hash = createHash('sha256');
    let byteSize = 0;
    const file = await fs.promises.open(temp, 'wx');
    let done = false;
    try {
      const reader = body.getReader();
      try {
        for (;;) {
          const { done: end, value } = await reader.read().catch((error: unknown) => {
            // The connection dropped mid-upload: nothing is kept; the device sends it all again.
            throw new BlobRefused('incomplete', `The upload broke off after ${byteSize} bytes: ${error instanceof Error ? error.message : String(error)}`);
          });
          if (end) break;
          byteSize += value.byteLength;
          if (byteSize > maxBytes) throw new BlobRefused('too_large', `The file is larger than ${maxBytes} bytes`);
          hash.update(value);
          await file.write(value);
        }
      } finally {
        // Stops the client's stream when refused midway; harmless after the end.
        await reader.cancel().catch(() => {});
      }
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new BlobRefused('hash_mismatch', `The bytes hash to ${actual}, not ${sha256}`);
      // On disk before the rename makes it visible: a file that is there is whole.
      await file.sync();
      await file.close();
      done = true;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Two uploads of the same bytes may race here; either rename leaves the same file.
      await fs.promises.rename(temp, target);
      return { path: target, byteSize };
    } finally {
      if (!done) await file.close().catch(() => {});
      await fs.promises.rm(temp, { force: true });
    }
  }

  return { stat, put, open: (sha256) => fs.createReadStream(pathOf(sha256)) };
}
