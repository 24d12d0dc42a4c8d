import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadOrCreateServerSecret } from './auth/server-secret';
import { configFromEnv } from './config';
import { seedDemoData } from './seed/demo-data';
import { compactChangeLog } from './sync/compact-change-log';
import { rebuildDigestsIfMissing } from './sync/rebuild-digests';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage';

const config = configFromEnv();
const storage = openSqliteStorage(config.dbPath);
if (config.seed !== 'none' && (await seedDemoData(storage, { size: config.seed, secret: loadOrCreateServerSecret(config.dbPath) }))) console.log(`Loaded the ${config.seed} demo data (logins in README.md).`);
if (await rebuildDigestsIfMissing(storage)) console.log('Rebuilt region digests.');
// Maintenance at start (S21): superseded change-log rows go, so old cursors pull only latest states.
const compacted = await compactChangeLog(storage);
if (compacted.deleted > 0) console.log(`Compacted the change log: ${compacted.deleted} superseded rows removed.`);

const server = serve({ fetch: createApp(storage, config).fetch, port: config.port }, (info) => {
  console.log(`Hunian on http://localhost:${info.port} (database ${config.dbPath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    storage.close();
    process.exit(0);
  });
}
