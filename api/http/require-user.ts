import type { Role } from '../../schema';
import { createMiddleware } from 'hono/factory';
import { userForToken } from '../auth/sessions';
import type { AppEnv } from './app-env';
import { HttpError } from './http-error';

/** 401 unless the request carries a live bearer token. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match) throw new HttpError(401, 'unauthorized', 'Sign in: a bearer token is missing or malformed');
  const user = await userForToken(c.var.storage, match[1]!);
  if (!user) throw new HttpError(401, 'unauthorized', 'Sign in again: the session is unknown, expired or revoked');
  c.set('user', user);
  c.set('token', match[1]!);
  await next();
});

/** 403 unless the signed-in user has one of the roles (after requireUser). */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw new HttpError(403, 'role_forbidden', `This needs the role ${roles.join(' or ')}`);
    await next();
  });
