import { serve } from '@hono/node-server';
import { createApp } from './app';
import { configFromEnv } from './config';
import { openDatabase } from './db/open-database';
import { seedDemoData } from './seed/demo-data';

const config = configFromEnv();
const database = openDatabase(config.dbPath);
if (config.seedDemoData && seedDemoData(database.db)) console.log('Loaded demo data (logins in README.md).');

const server = serve({ fetch: createApp(database.db, config).fetch, port: config.port }, (info) => {
  console.log(`Hunian on http://localhost:${info.port} (database ${config.dbPath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    database.close();
    process.exit(0);
  });
}
