import { Hono } from 'hono';
import { createUserRequestSchema, resetPasswordRequestSchema, updateUserRequestSchema, uuidv7, type AdminUser } from '../../schema';
import { hashPassword } from '../auth/password';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { requireRole, requireUser } from '../http/require-user';
import type { StorageReader, UserRow } from '../storage/storage';

const toAdminUser = ({ passwordHash: _, ...user }: UserRow): AdminUser => user;

async function existingUser(reader: StorageReader, id: string): Promise<UserRow> {
  const found = await reader.userById(id);
  if (!found) throw new HttpError(404, 'user_not_found', 'No such user');
  return found;
}

async function checkRegions(reader: StorageReader, regionIds: readonly string[]) {
  const known = new Set((await reader.regionTree()).map((r) => r.id));
  const unknown = regionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new HttpError(400, 'unknown_region', 'Some regions do not exist', { regionIds: unknown });
}

/**
 * Users, roles, region assignments and sessions, for administrators. A change of regions reaches
 * the user's device at its next pull (S6: pull reads the user's regions on every request);
 * deactivating a user or revoking their sessions makes the next sync ask them to sign in again,
 * without touching their unsent work.
 */
export const adminRoutes = new Hono<AppEnv>()
  .use(requireUser, requireRole('admin'))
  .get('/users', async (c) => c.json({ users: (await c.var.storage.read((r) => r.listUsers())).map(toAdminUser) }))
  .post('/users', async (c) => {
    const request = await readJson(c, createUserRequestSchema);
    // Hashing takes tens of milliseconds: outside the transaction.
    const passwordHash = hashPassword(request.password, c.var.secret);
    const created = await c.var.storage.transaction(async (tx) => {
      if (await tx.userByUsername(request.username)) throw new HttpError(409, 'username_taken', 'That username is taken');
      await checkRegions(tx, request.regionIds);
      const row: UserRow = { id: uuidv7(), username: request.username, displayName: request.displayName, role: request.role, regionIds: request.regionIds, active: true, passwordHash };
      await tx.insertUser(row);
      return row;
    });
    return c.json({ user: toAdminUser(created) }, 201);
  })
  .patch('/users/:id', async (c) => {
    const patch = await readJson(c, updateUserRequestSchema);
    const id = c.req.param('id');
    const updated = await c.var.storage.transaction(async (tx) => {
      const before = await existingUser(tx, id);
      if (patch.regionIds) await checkRegions(tx, patch.regionIds);
      if (id === c.var.user.id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
        throw new HttpError(409, 'self_lockout', 'An administrator cannot deactivate or demote themself');
      }
      await tx.updateUser(id, patch);
      if (patch.active === false) await tx.revokeUserSessions(id, new Date().toISOString());
      return { ...before, ...patch };
    });
    return c.json({ user: toAdminUser(updated) });
  })
  .post('/users/:id/password', async (c) => {
    const { password } = await readJson(c, resetPasswordRequestSchema);
    const id = c.req.param('id');
    const passwordHash = hashPassword(password, c.var.secret);
    const revoked = await c.var.storage.transaction(async (tx) => {
      await existingUser(tx, id);
      await tx.updateUser(id, { passwordHash });
      // A reset password is one someone else may have known: their sessions end too.
      return tx.revokeUserSessions(id, new Date().toISOString());
    });
    return c.json({ revokedSessions: revoked });
  })
  .post('/users/:id/revoke-sessions', async (c) => {
    const id = c.req.param('id');
    const revoked = await c.var.storage.transaction(async (tx) => {
      await existingUser(tx, id);
      return tx.revokeUserSessions(id, new Date().toISOString());
    });
    return c.json({ revokedSessions: revoked });
  });
