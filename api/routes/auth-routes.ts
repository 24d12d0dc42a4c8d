import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { loginRequestSchema, type LoginResponse } from '../../schema';
import { users } from '../../schema/drizzle-tables';
import { verifyPassword } from '../auth/password';
import { createSession, toSessionUser, type UserRow } from '../auth/sessions';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';

// A real hash to check against when the user does not exist, so that timing does not tell.
const absentUserHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const authRoutes = new Hono<AppEnv>().post('/login', async (c) => {
  const { username, password } = await readJson(c, loginRequestSchema);
  const row = c.var.db.select().from(users).where(eq(users.username, username)).get() as UserRow | undefined;
  const ok = await verifyPassword(password, row?.passwordHash ?? absentUserHash);
  if (!row || !ok || !row.active) {
    throw new HttpError(401, 'invalid_credentials', 'Wrong username or password');
  }
  const session = createSession(c.var.db, row.id, c.var.config.sessionDays);
  const body: LoginResponse = { ...session, user: toSessionUser(row) };
  return c.json(body);
});
