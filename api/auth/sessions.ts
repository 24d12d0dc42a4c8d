import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { SessionUser, WritableOf } from '../../schema';
import { users } from '../../schema/drizzle-tables';
import type { Db } from '../db/open-database';
import { sessions } from '../db/server-tables';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSession(db: Db, userId: string, days: number, now = new Date()): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  db.insert(sessions).values({ tokenHash: tokenHash(token), userId, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

/** A users row as stored (drizzle types rows of derived tables loosely). */
export type UserRow = WritableOf<'users'> & { passwordHash: string };

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionIds: row.regionIds,
  };
}

/** The user behind a bearer token, or undefined if the token is unknown, expired or revoked. */
export function userForToken(db: Db, token: string, now = new Date()): SessionUser | undefined {
  const row = db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.revokedAt)))
    .get();
  const user = row?.user as UserRow | null | undefined;
  if (!row || !user || row.expiresAt <= now.toISOString() || !user.active) return undefined;
  return toSessionUser(user);
}
