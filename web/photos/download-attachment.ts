import { cacheDownloadedBlob, type LocalDb } from '../../worker';

const shaPattern = /^[0-9a-f]{64}$/;

/**
 * Fetches an attachment's bytes from the server with the session's token and keeps them on the
 * device as already uploaded, so the next view works offline. Answers whether the bytes are now
 * on the device: false offline, signed out, or when the server does not give them to this user.
 */
export async function downloadAttachment(db: LocalDb, baseUrl: string, sha256: string): Promise<boolean> {
  if (!shaPattern.test(sha256)) return false;
  const session = await db.getMeta('session');
  if (!session) return false;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/attachments/${sha256}`, { headers: { authorization: `Bearer ${session.token}` } });
  } catch {
    return false;
  }
  if (!response.ok) return false;
  const blob = await response.blob();
  const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim() || blob.type;
  await cacheDownloadedBlob(db, blob, { sha256, mimeType });
  return true;
}
