import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

export type Db = BetterSQLite3Database;

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/**
 * Opens the SQLite file in WAL mode. The read-write connection creates the file and applies
 * pending migrations (unless `migrate` is false: the push thread's, opened after the server's);
 * a read-only one must be opened after it.
 */
export function openDatabase(dbPath: string, options: { readonly?: boolean; busyTimeoutMs?: number; migrate?: boolean } = {}): OpenDatabase {
  if (!options.readonly) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const sqlite = new Database(dbPath, { readonly: options.readonly ?? false });
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives a power cut too, not only a killed process.
    sqlite.pragma('synchronous = FULL');
    // Savepoints keep the pages they change in a sub-journal; in memory, not in temporary files.
    sqlite.pragma('temp_store = MEMORY');
  }
  const db = drizzle(sqlite);
  if (!options.readonly && options.migrate !== false) migrate(db, { migrationsFolder });
  return { db, sqlite, close: () => sqlite.close() };
}
