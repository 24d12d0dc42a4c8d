import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { z } from 'zod';
import { deviceReportRequestSchema, pushRequestSchema, versionHeaders } from '../../schema';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { requireUser } from '../http/require-user';
import { saveDeviceReport } from '../office/device-report';
import { startBootstrap } from '../sync/bootstrap';
import { maxPullLimit, pullChanges } from '../sync/pull';
import { applyPush } from '../sync/push';
import { inPushBacklog, maxQueuedMutations, pushBacklog } from '../sync/push-backlog';
import { regionSnapshot } from '../sync/snapshot';
import { checkVersions, headerVersion } from '../sync/versions';

const pullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(500),
});

/** The protocol that added the bootstrap snapshot. */
const bootstrapProtocol = 3;

/**
 * Fast compression: a region's JSON shrinks about twelvefold at level 3 for a quarter of the
 * server time level 6 takes, and the answer streams while it is made.
 */
const bootstrapGzipLevel = 3;

export const syncRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post('/push', async (c) => {
    // Shed load with 503 rather than queue without end.
    if (pushBacklog(c.var.storage) >= maxQueuedMutations) {
      throw new HttpError(503, 'overloaded', 'The server is busy; try again shortly');
    }
    const request = await readJson(c, pushRequestSchema);
    const thread = c.var.pushThread;
    return c.json(
      await inPushBacklog(c.var.storage, request.mutations.length, () => (thread ? thread.apply(c.var.user, request) : applyPush(c.var.storage, c.var.user, request))),
    );
  })
  // Best effort from the device (S26): it ignores any answer, so this never holds up a round.
  .post('/device-report', async (c) => {
    await saveDeviceReport(c.var.storage, c.var.user, await readJson(c, deviceReportRequestSchema));
    return c.json({ ok: true });
  })
  .get('/pull', async (c) => {
    checkVersions(headerVersion(c.req.header(versionHeaders.protocol)), headerVersion(c.req.header(versionHeaders.schema)));
    const query = pullQuery.safeParse(c.req.query());
    if (!query.success) {
      throw new HttpError(400, 'invalid_query', `cursor must be an integer >= 0 and limit an integer from 1 to ${maxPullLimit}`, {
        issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return c.body(await pullChanges(c.var.storage, c.var.user, query.data.cursor, query.data.limit), 200, { 'Content-Type': 'application/json' });
  })
  .get('/snapshot', async (c) => {
    checkVersions(headerVersion(c.req.header(versionHeaders.protocol)), headerVersion(c.req.header(versionHeaders.schema)));
    const regionId = z.uuid().safeParse(c.req.query('regionId'));
    if (!regionId.success) throw new HttpError(400, 'invalid_query', 'regionId must be a region id');
    return c.json(await regionSnapshot(c.var.storage, c.var.user, regionId.data));
  })
  .get('/bootstrap', async (c) => {
    checkVersions(headerVersion(c.req.header(versionHeaders.protocol)), headerVersion(c.req.header(versionHeaders.schema)), bootstrapProtocol);
    const bootstrap = await startBootstrap(c.var.storage, c.var.user, c.req.header('if-none-match'));
    c.header('ETag', bootstrap.etag);
    // The records are personal data: no copy stays in a browser's or a proxy's cache after the
    // device signs out. A device, or a cache of the server's own, revalidates with the ETag.
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization, Accept-Encoding');
    if (bootstrap.notModified) return c.body(null, 304);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    const { lines } = bootstrap;
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(Readable.toWeb(lines) as ReadableStream<Uint8Array>);
    c.header('Content-Encoding', 'gzip');
    // pipeline ends both streams if the device goes away mid-answer.
    // Each line is flushed as it is compressed: the device starts on the first records at once.
    const gzip = pipeline(lines, zlib.createGzip({ level: bootstrapGzipLevel, flush: zlib.constants.Z_SYNC_FLUSH }), () => {});
    return c.body(Readable.toWeb(gzip) as ReadableStream<Uint8Array>);
  });
