import { Hono } from 'hono';
import { loginRequestSchema, versionHeaders, type LoginResponse } from '../../schema';
import { verifyPassword } from '../auth/password';
import { createSession, toSessionUser } from '../auth/sessions';
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
  const row = await c.var.storage.read((reader) => reader.userByUsername(username));
  // The hash check runs outside any transaction: it takes tens of milliseconds.
  const ok = await verifyPassword(password, row?.passwordHash ?? absentUserHash);
  if (!row || !ok || !row.active) {
    throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
  }
  const session = await createSession(c.var.storage, row.id, c.var.config.sessionDays);
  const body: LoginResponse = { ...session, user: toSessionUser(row) };
  return c.json(body);
});
