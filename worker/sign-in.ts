import { PROTOCOL_VERSION, SCHEMA_VERSION, entityByName, errorBodySchema, loginResponseSchema, uuidv7, versionHeaders } from '../schema';
import type { LocalDb } from './local-db';
import { SyncError } from './sync-status';
import { makeUnlockVerifier } from './unlock-verifier';
import { countPendingUploads } from './attachment-uploads';

/**
 * Signs in against the server (this needs the network) and keeps the session on the device.
 * A new user on this installation gets a new device id, numbered from 1; a device id never
 * changes user.
 */
export async function signIn(db: LocalDb, baseUrl: string, username: string, password: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    throw new SyncError('offline', 'Network error');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(body);
    throw new SyncError(response.status === 401 ? 'unauthorized' : response.status === 426 ? 'outdated' : 'rejected', error.success ? error.data.message : `HTTP ${response.status}`, response.status, error.success ? error.data.error : undefined);
  }
  const login = loginResponseSchema.parse(body);
  // Derived before the transaction: IndexedDB transactions end at the first non-IndexedDB wait.
  const unlock = await makeUnlockVerifier(login.user.id, password);
  const syncedTables = db.tables.filter((t) => entityByName(t.name)?.synced);
  await db.transaction('rw', [...syncedTables, db.outbox, db.meta, db.shadows, db.attachmentBlobs, db.formDrafts], async () => {
    const device = await db.getMeta('device');
    const previous = await db.getMeta('session');
    // The same user signing in again keeps the device, its numbering and its data.
    if (device && previous?.user.id === login.user.id) {
      await db.setMeta('session', { token: login.token, expiresAt: login.expiresAt, user: login.user, deviceId: device.deviceId });
      await db.setMeta('unlock', unlock);
      return;
    }
    // Someone else: another user's unsent work must never be pushed under this user's name.
    // Bytes of photos whose records were pushed, not yet uploaded, are unsent work too (S23).
    const uploads = await countPendingUploads(db);
    // So are forms filled in and not saved yet: they would be cleared with the rest below.
    if ((await db.outbox.count()) > 0 || uploads.pending + uploads.refused > 0 || (await db.formDrafts.count()) > 0) {
      throw new SyncError('rejected', 'This device holds changes of another user that are not synced yet', undefined, 'other_user_pending');
    }
    // Their regions' data is not this user's to see; start from an empty device.
    await Promise.all([...syncedTables, db.shadows, db.attachmentBlobs, db.formDrafts].map((t) => t.clear()));
    await db.meta.clear();
    await db.setMeta('unlock', unlock);
    const deviceId = uuidv7();
    await db.setMeta('device', { deviceId, nextSeq: 1 });
    await db.setMeta('session', { token: login.token, expiresAt: login.expiresAt, user: login.user, deviceId });
  });
}
