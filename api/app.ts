import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LoginThrottle } from './auth/login-throttle';
import { loadOrCreateServerSecret } from './auth/server-secret';
import type { ServerConfig } from './config';
import type { AppEnv } from './http/app-env';
import { attachmentsDirFor, diskBlobStore } from './attachments/blob-store';
import { HttpError } from './http/http-error';
import { securityHeaders } from './http/security-headers';
import { adminRoutes } from './routes/admin-routes';
import { attachmentRoutes } from './routes/attachment-routes';
import { authRoutes } from './routes/auth-routes';
import { historyRoutes } from './routes/history-routes';
import { officeRoutes } from './routes/office-routes';
import { staticRoutes } from './routes/static-routes';
import { syncRoutes } from './routes/sync-routes';
import { StorageUnavailable, type Storage } from './storage/storage';
import type { PushThread } from './sync/push-thread';

export const maxBodyBytes = 2 * 1024 * 1024;

export function createApp(storage: Storage, config: ServerConfig, options: { pushThread?: PushThread } = {}) {
  const tooLarge = () => {
    throw new HttpError(413, 'body_too_large', `The request body is larger than ${maxBodyBytes} bytes`);
  };
  const countingBodyLimit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge });
  /**
   * A body whose length is declared is judged by its header, as hono's bodyLimit does, but
   * without touching `c.req.raw.body`: on the Node server that builds a web Request and stream for
   * the body, and the route's `c.req.text()` then reads through them instead of straight from the
   * socket (a fifth of the main thread's work for a burst of pushes). A GET has no body; any
   * other body is counted as it streams in.
   */
  const jsonBodyLimit: MiddlewareHandler = (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) return Number(length) > maxBodyBytes ? tooLarge() : next();
    return countingBodyLimit(c, next);
  };
  const api = new Hono<AppEnv>()
    // Attachment bytes have a limit of their own (MAX_ATTACHMENT_BYTES), counted as they stream in.
    .use((c, next) => (c.req.path.startsWith('/api/attachments/') ? next() : jsonBodyLimit(c, next)))
    .get('/health', (c) => c.json({ status: 'ok' }))
    .route('/auth', authRoutes)
    .route('/admin', adminRoutes)
    .route('/sync', syncRoutes)
    .route('/office', officeRoutes)
    .route('/history', historyRoutes)
    .route('/attachments', attachmentRoutes(diskBlobStore(attachmentsDirFor(config.dbPath))))
    .all('*', (c) => c.json({ error: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` }, 404));

  const loginThrottle = new LoginThrottle();
  const secret = loadOrCreateServerSecret(config.dbPath);
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('storage', storage);
      c.set('pushThread', options.pushThread);
      c.set('loginThrottle', loginThrottle);
      c.set('secret', secret);
      c.set('config', config);
      await next();
    })
    .use(securityHeaders)
    .route('/api', api)
    .route('/', staticRoutes(config.distDir));

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.status === 503 && !c.res.headers.has('Retry-After')) c.header('Retry-After', '5');
      return c.json(err.body, err.status);
    }
    // An infrastructure fault: the client retries later; nothing was written (S15).
    if (err instanceof StorageUnavailable) {
      c.header('Retry-After', String(err.retryAfterSeconds));
      return c.json({ error: 'busy', message: 'The server is busy; try again shortly' }, 503);
    }
    console.error(err);
    return c.json({ error: 'internal', message: 'Internal server error' }, 500);
  });
  return app;
}
