import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../schema';
import type { Storage, UserRow } from '../storage/storage';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(storage: Storage, userId: string, days: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  await storage.transaction((tx) => tx.insertSession({ tokenHash: tokenHash(token), userId, createdAt: now.toISOString(), expiresAt }));
  return { token, expiresAt };
}

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, regionIds: row.regionIds };
}

/** Ends the session of a bearer token (sign-out). Unknown or already ended tokens change nothing. */
export async function revokeToken(storage: Storage, token: string, now = new Date()): Promise<boolean> {
  return storage.transaction((tx) => tx.revokeSession(tokenHash(token), now.toISOString()));
}

/** The user behind a bearer token, or undefined if the token is unknown, expired or revoked. */
export async function userForToken(storage: Storage, token: string, now = new Date()): Promise<SessionUser | undefined> {
  const user = await storage.read((reader) => reader.userForSession(tokenHash(token), now.toISOString()));
  return user && user.active ? toSessionUser(user) : undefined;
}
