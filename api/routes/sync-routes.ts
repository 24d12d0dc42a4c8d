import { Hono } from 'hono';
import { z } from 'zod';
import { pushRequestSchema } from '../../schema';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { requireUser } from '../http/require-user';
import { maxPullLimit, pullChanges } from '../sync/pull';
import { applyPush } from '../sync/push';

const pullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(500),
});

export const syncRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post('/push', async (c) => {
    const request = await readJson(c, pushRequestSchema);
    return c.json(applyPush(c.var.db, c.var.user, request));
  })
  .get('/pull', (c) => {
    const query = pullQuery.safeParse(c.req.query());
    if (!query.success) {
      throw new HttpError(400, 'invalid_query', `cursor must be an integer >= 0 and limit an integer from 1 to ${maxPullLimit}`, {
        issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return c.json(pullChanges(c.var.db, c.var.user, query.data.cursor, query.data.limit));
  });
