import path from 'node:path';

export interface ServerConfig {
  /** The SQLite file. */
  dbPath: string;
  port: number;
  /** The built PWA (vite build output). */
  distDir: string;
  /** Load demo data into an empty database. */
  seedDemoData: boolean;
  sessionDays: number;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    dbPath: path.resolve(env.HUNIAN_DB ?? path.join('data', 'hunian.sqlite')),
    port: positiveInt(env.PORT, 8787, 'PORT'),
    distDir: path.resolve(env.HUNIAN_DIST ?? 'dist'),
    seedDemoData: env.HUNIAN_SEED !== '0',
    sessionDays: positiveInt(env.HUNIAN_SESSION_DAYS, 30, 'HUNIAN_SESSION_DAYS'),
  };
}
