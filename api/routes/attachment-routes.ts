import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { MAX_ATTACHMENT_BYTES, attachment, attachmentMimeTypes } from '../../schema';
import { attachmentRecordInReach } from '../attachments/attachment-access';
import { BlobRefused, sha256Pattern, type AttachmentBlobStore } from '../attachments/blob-store';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { requireUser } from '../http/require-user';

function hashParam(c: Context<AppEnv>): string {
  const sha256 = c.req.param('sha256') ?? '';
  if (!sha256Pattern.test(sha256)) throw new HttpError(400, 'invalid_hash', 'An attachment is named by the SHA-256 of its bytes: 64 lowercase hex digits');
  return sha256;
}

const tooLarge = () => new HttpError(413, 'attachment_too_large', `The file is larger than the limit of ${MAX_ATTACHMENT_BYTES} bytes (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)`);

/**
 * Attachment bytes (S23). A device pushes the attachment record first, then PUTs the bytes under
 * their SHA-256: the name is the content, so an upload repeated after a dropped connection is
 * harmless. Bytes are served only to users who may read a record that names them; to anyone else
 * the answer is 404, which says nothing of whether they exist.
 */
export function attachmentRoutes(store: AttachmentBlobStore) {
  return new Hono<AppEnv>()
    .use(requireUser)
    .put('/:sha256', async (c) => {
      const sha256 = hashParam(c);
      if (!attachment.writableBy.includes(c.var.user.role)) throw new HttpError(403, 'role_forbidden', 'This role may not upload attachments');
      const mimeType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(attachmentMimeTypes as readonly string[]).includes(mimeType)) {
        throw new HttpError(415, 'unsupported_type', `An attachment is one of ${attachmentMimeTypes.join(', ')}`);
      }
      // Refused before a byte is read; the count while streaming catches a missing or false length.
      const declared = Number(c.req.header('content-length'));
      if (Number.isFinite(declared) && declared > MAX_ATTACHMENT_BYTES) throw tooLarge();

      const record = await c.var.storage.read((reader) => attachmentRecordInReach(reader, c.var.user, sha256, 'write'));
      if (!record) {
        throw new HttpError(404, 'attachment_record_missing', 'No attachment record of yours names these bytes: sync the record first, then upload');
      }
      if (await store.stat(sha256)) return c.json({ sha256, stored: 'already' }, 200);
      const body = c.req.raw.body;
      if (!body) throw new HttpError(400, 'empty_body', 'The request has no bytes');
      try {
        const stored = await store.put(sha256, body, MAX_ATTACHMENT_BYTES);
        return c.json({ sha256, stored: 'now', byteSize: stored.byteSize }, 201);
      } catch (error) {
        if (error instanceof BlobRefused && error.reason === 'too_large') throw tooLarge();
        if (error instanceof BlobRefused && error.reason === 'incomplete') throw new HttpError(400, 'upload_incomplete', error.message);
        if (error instanceof BlobRefused) throw new HttpError(422, 'hash_mismatch', `${error.message}: the file changed or arrived damaged; upload it again`);
        throw error;
      }
    })
    // Hono answers HEAD with this GET handler, without the body.
    .get('/:sha256', async (c) => {
      const sha256 = hashParam(c);
      const notFound = new HttpError(404, 'not_found', 'No such attachment');
      const record = await c.var.storage.read((reader) => attachmentRecordInReach(reader, c.var.user, sha256, 'read'));
      if (!record) throw notFound;
      const stored = await store.stat(sha256);
      if (!stored) throw new HttpError(404, 'not_uploaded', 'The attachment’s bytes have not reached the server yet');
      const headers = {
        'content-type': record.mimeType,
        'content-length': String(stored.byteSize),
        // The name is the content: it never changes. Private: it is personal data behind a sign-in.
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        etag: `"${sha256}"`,
      };
      if (c.req.method === 'HEAD') return c.body(null, 200, headers);
      return c.body(Readable.toWeb(store.open(sha256)) as ReadableStream<Uint8Array>, 200, headers);
    });
}
