import type { LocalDb } from './local-db';

/**
 * What signing out would throw away: changes the server does not have, bytes not uploaded, and
 * forms filled in but not saved yet.
 */
export async function unsentWork(db: LocalDb): Promise<{ changes: number; uploads: number; drafts: number }> {
  const [changes, uploads, drafts] = await Promise.all([
    db.outbox.where('state').anyOf('pending', 'rejected').count(),
    db.attachmentBlobs.where('uploadState').equals('pending').count(),
    db.formDrafts.count(),
  ]);
  return { changes, uploads, drafts };
}

/**
 * Signs out and wipes this user's data from the device (issue 6): the server session is ended if
 * the network allows (best effort: a revoked or unreachable server must not keep the data on a
 * shared phone), then the whole database goes (records, outbox, attachments, drafts, the unlock
 * verifier), and every cache but the app's own precache. The caller warns about unsent work first.
 */
export async function signOutAndWipe(db: LocalDb, baseUrl: string): Promise<void> {
  const session = await db.getMeta('session');
  if (session) {
    try {
      await fetch(`${baseUrl}/api/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}` },
        signal: AbortSignal.timeout(3000),
      });
    } catch {
      // Offline or slow: the session expires on its own, and an administrator can revoke it.
    }
  }
  // Deletes with the database's own IndexedDB; other tabs get "versionchange", close and reload.
  await db.delete();
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) if (!key.startsWith('workbox-precache')) await caches.delete(key);
  }
}
