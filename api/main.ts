import { serve } from '@hono/node-server';
import { createApp } from './app';
import { configFromEnv } from './config';
import { seedDemoData } from './seed/demo-data';
import { rebuildDigestsIfMissing } from './sync/rebuild-digests';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage';

const config = configFromEnv();
const storage = openSqliteStorage(config.dbPath);
if (config.seedDemoData && (await seedDemoData(storage))) console.log('Loaded demo data (logins in README.md).');
if (await rebuildDigestsIfMissing(storage)) console.log('Rebuilt region digests.');

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
