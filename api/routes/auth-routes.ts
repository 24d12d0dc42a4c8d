import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { loginRequestSchema, versionHeaders, type LoginResponse } from '../../schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession, revokeToken, toSessionUser } from '../auth/sessions';
import { requireUser } from '../http/require-user';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { checkVersions, headerVersion } from '../sync/versions';

// A real hash to check against when the user does not exist, so that timing does not tell.
const absentUserHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const authRoutes = new Hono<AppEnv>().post('/login', async (c) => {
  // The app names its versions (S18); a sign-in without them (curl, tests) is still allowed.
  const protocol = headerVersion(c.req.header(versionHeaders.protocol));
  const schema = headerVersion(c.req.header(versionHeaders.schema));
  if (protocol !== undefined || schema !== undefined) checkVersions(protocol, schema);
  const { username, password } = await readJson(c, loginRequestSchema);
  const throttleKey = `${username.toLowerCase()}|${clientAddress(c)}`;
  const waitMs = c.var.loginThrottle.retryAfterMs(throttleKey);
  if (waitMs > 0) {
    c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
    throw new HttpError(429, 'too_many_attempts', 'Too many failed sign-ins; try again later');
  }
  const row = await c.var.storage.read((reader) => reader.userByUsername(username));
  // The hash check runs outside any transaction: it takes tens of milliseconds.
  const check = await verifyPassword(password, row?.passwordHash ?? absentUserHash, c.var.secret);
  if (!row || !check.ok || !row.active) {
    c.var.loginThrottle.fail(throttleKey);
    throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
  }
  c.var.loginThrottle.succeed(throttleKey);
  if (check.needsRehash) {
    const passwordHash = hashPassword(password, c.var.secret);
    await c.var.storage.transaction((tx) => tx.updateUser(row.id, { passwordHash }));
  }
  const session = await createSession(c.var.storage, row.id, c.var.config.sessionDays);
  const body: LoginResponse = { ...session, user: toSessionUser(row) };
  return c.json(body);
})
  // Sign-out ends this device's session on the server too; the device wipes its own data.
  .post('/logout', requireUser, async (c) => {
    await revokeToken(c.var.storage, c.var.token);
    return c.json({ signedOut: true });
  });

/** The peer's address; tests through app.request() have none. */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
