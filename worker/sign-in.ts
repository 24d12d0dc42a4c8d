import { errorBodySchema, loginResponseSchema, uuidv7 } from '../schema';
import type { LocalDb } from './local-db';
import { SyncError } from './sync-status';

/**
 * Signs in against the server (this needs the network) and keeps the session on the device.
 * Every sign-in is a new device id, numbered from 1; a device id never changes user.
 */
export async function signIn(db: LocalDb, baseUrl: string, username: string, password: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    throw new SyncError('offline', 'Network error');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(body);
    throw new SyncError(response.status === 401 ? 'unauthorized' : 'rejected', error.success ? error.data.message : `HTTP ${response.status}`, response.status, error.success ? error.data.error : undefined);
  }
  const login = loginResponseSchema.parse(body);
  await db.transaction('rw', db.meta, async () => {
    const device = await db.getMeta('device');
    const previous = await db.getMeta('session');
    // The same user signing in again keeps the device and its numbering; someone else gets a new one.
    const keep = device && previous?.user.id === login.user.id;
    const deviceId = keep ? device.deviceId : uuidv7();
    if (!keep) await db.setMeta('device', { deviceId, nextSeq: 1 });
    await db.setMeta('session', { token: login.token, expiresAt: login.expiresAt, user: login.user, deviceId });
  });
}
