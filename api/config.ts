import path from 'node:path';
import { seedSizes, type SeedSize } from './seed/demo-data';

export interface ServerConfig {
  /** The SQLite file. */
  dbPath: string;
  port: number;
  /** The built PWA (vite build output). */
  distDir: string;
  /** The demo data loaded into an empty database, or none. */
  seed: SeedSize | 'none';
  sessionDays: number;
  /** Pushes applied on a thread of their own (decision 021); HUNIAN_PUSH_THREAD=0 applies them on the main thread. */
  pushThread: boolean;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

/** `demo` (the default), `small` (what the API tests use), or `none` (also `0`, as before). */
function seedFrom(value: string | undefined): SeedSize | 'none' {
  if (value === undefined || value === '' || value === '1') return 'demo';
  if (value === '0' || value === 'none') return 'none';
  if ((seedSizes as readonly string[]).includes(value)) return value as SeedSize;
  throw new Error(`HUNIAN_SEED must be demo, small or none, got "${value}"`);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    dbPath: path.resolve(env.HUNIAN_DB ?? path.join('data', 'hunian.sqlite')),
    port: positiveInt(env.PORT, 8787, 'PORT'),
    distDir: path.resolve(env.HUNIAN_DIST ?? 'dist'),
    seed: seedFrom(env.HUNIAN_SEED),
    sessionDays: positiveInt(env.HUNIAN_SESSION_DAYS, 30, 'HUNIAN_SESSION_DAYS'),
    pushThread: onOff(env.HUNIAN_PUSH_THREAD, true, 'HUNIAN_PUSH_THREAD'),
  };
}
