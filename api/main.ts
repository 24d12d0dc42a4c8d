import { serve } from '@hono/node-server';
import { createApp } from './app';
import { configFromEnv } from './config';
import { seedDemoData } from './seed/demo-data';
import { openSqliteStorage } from './storage/sqlite/sqlite-storage';

const config = configFromEnv();
const storage = openSqliteStorage(config.dbPath);
if (config.seedDemoData && (await seedDemoData(storage))) console.log('Loaded demo data (logins in README.md).');

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
