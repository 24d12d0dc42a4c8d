import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./schema/drizzle-tables.ts', './api/db/server-tables.ts'],
  out: './api/db/migrations',
});
