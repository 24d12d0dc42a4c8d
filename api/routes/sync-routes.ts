import { Hono } from 'hono';
import { z } from 'zod';
import { pushRequestSchema, versionHeaders } from '../../schema';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { requireUser } from '../http/require-user';
import { maxPullLimit, pullChanges } from '../sync/pull';
import { applyPush } from '../sync/push';
import { regionSnapshot } from '../sync/snapshot';
import { checkVersions, headerVersion } from '../sync/versions';

const pullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(500),
});


/** More pushes than this waiting for the database: shed load with 503 rather than queue without end. */
const maxQueuedPushes = 200;

export const syncRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post('/push', async (c) => {
    if (c.var.storage.queuedTransactions >= maxQueuedPushes) {
      throw new HttpError(503, 'overloaded', 'The server is busy; try again shortly');
    }
    const request = await readJson(c, pushRequestSchema);
    return c.json(await applyPush(c.var.storage, c.var.user, request));
  })
  .get('/pull', async (c) => {
    checkVersions(headerVersion(c.req.header(versionHeaders.protocol)), headerVersion(c.req.header(versionHeaders.schema)));
    const query = pullQuery.safeParse(c.req.query());
    if (!query.success) {
      throw new HttpError(400, 'invalid_query', `cursor must be an integer >= 0 and limit an integer from 1 to ${maxPullLimit}`, {
        issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return c.json(await pullChanges(c.var.storage, c.var.user, query.data.cursor, query.data.limit));
  })
  .get('/snapshot', async (c) => {
    checkVersions(headerVersion(c.req.header(versionHeaders.protocol)), headerVersion(c.req.header(versionHeaders.schema)));
    const regionId = z.uuid().safeParse(c.req.query('regionId'));
    if (!regionId.success) throw new HttpError(400, 'invalid_query', 'regionId must be a region id');
    return c.json(await regionSnapshot(c.var.storage, c.var.user, regionId.data));
  });
