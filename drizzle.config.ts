import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./schema/drizzle-tables.ts', './api/storage/sqlite/server-tables.ts'],
  out: './api/storage/sqlite/migrations',
});
