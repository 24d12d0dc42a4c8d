import { Hono } from 'hono';
import { recordHistory } from '../history/record-history';
import type { AppEnv } from '../http/app-env';
import { requireUser } from '../http/require-user';

/** A record's audit trail (S27), for anyone who may read the record. */
export const historyRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get('/:entity/:recordId', async (c) => c.json(await recordHistory(c.var.storage, c.var.user, c.req.param('entity'), c.req.param('recordId'))));
