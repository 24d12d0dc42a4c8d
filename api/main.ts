import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { loadOrCreateServerSecret } from './auth/server-secret';
import { configFromEnv } from './config';
import { seedDemoData } from './seed/demo-data';
import { compactChangeLog } from './sync/compact-change-log';
import { rebuildDigestsIfMissing } from './sync/rebuild-digests';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage';
import { WriterTurns } from './storage/sqlite/writer-turns';
import { PushThread } from './sync/push-thread';

const config = configFromEnv();
// Pushes are applied on a thread of their own, with a write connection of its own (decision 021).
const turns = config.pushThread ? new WriterTurns() : undefined;
const storage = openSqliteStorage(config.dbPath, turns ? { writerTurns: { turns, side: 'server' } } : {});
if (config.seed !== 'none' && (await seedDemoData(storage, { size: config.seed, secret: loadOrCreateServerSecret(config.dbPath) }))) console.log(`Loaded the ${config.seed} demo data (logins in README.md).`);
if (await rebuildDigestsIfMissing(storage)) console.log('Rebuilt region digests.');
// Maintenance at start (S21): superseded change-log rows go, so old cursors pull only latest states.
const compacted = await compactChangeLog(storage);
if (compacted.deleted > 0) console.log(`Compacted the change log: ${compacted.deleted} superseded rows removed.`);

// If the thread cannot start (say its bundle cannot be written into node_modules/.cache),
// the server still serves, applying pushes on this thread.
const pushThread = turns
  ? await PushThread.start(config.dbPath, turns).catch((error: unknown) => {
      console.error('The push thread could not start; pushes are applied on the main thread:', error);
      return undefined;
    })
  : undefined;
if (pushThread) storage.deferReadsTo(pushThread);
// Devices that come back online together connect at once, while the server is busy with
// their pushes: the kernel's queue of connections to accept must hold them all. With Node's
// default of 511, a burst of 1,000 lost the rest, and TCP sent them again 1–7 s later.
const server = createAdaptorServer({ fetch: createApp(storage, config, { pushThread }).fetch });
server.listen({ port: config.port, backlog: 4096 }, () => {
  console.log(`Hunian on http://localhost:${config.port} (database ${config.dbPath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void (pushThread?.close() ?? Promise.resolve()).finally(() => {
      storage.close();
      process.exit(0);
    });
  });
}
