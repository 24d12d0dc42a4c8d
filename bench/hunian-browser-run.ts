import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { site, unit, uuidv7 } from '../schema';
import { seedDemoData } from '../api/seed/demo-data';
import { openSqliteStorage } from '../api/storage/sqlite/sqlite-storage';
import { writeChange } from '../api/sync/write-change';

/**
 * The real app in headless Chromium against the real server, for the browser benchmarks: a build
 * of the app in a temporary folder, a fresh SQLite file holding the demo data plus `units` extra
 * units in one extra site of the demo officer's region (written through the real storage, so
 * change log and digests are as a push would leave them), and the server as its own process.
 */
export interface HunianRun {
  baseUrl: string;
  dir: string;
  dist: string;
  /** The extra site holding the seeded units. */
  siteId: string;
  siteName: string;
  regionId: string;
  /** The last unit seeded, the last of the site's units in a snapshot or a pull. */
  lastUnitId: string;
  browser: Browser;
  stop(): Promise<void>;
}

export const officer = { username: 'petugas', password: 'petugas123' };
export const benchSiteName = 'Rusunawa Bench Raya';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The demo data plus `units` units in one extra site of the demo officer's region. */
export async function seedBenchRegion(dbPath: string, units: number) {
  const storage = openSqliteStorage(dbPath);
  await seedDemoData(storage);
  const serverTime = new Date().toISOString();
  // The demo officer's own region (Kota Bandung).
  const officerRegion = await storage.read(async (reader) => {
    const user = await reader.userByUsername(officer.username);
    return user!.regionIds[0]!;
  });
  const siteId = uuidv7();
  await storage.transaction(async (tx) => {
    await writeChange(tx, {
      entity: site,
      op: 'upsert',
      record: { id: siteId, regionId: officerRegion, name: benchSiteName, address: 'Jl. Bench No. 1, Bandung', latitude: -6.9, longitude: 107.6, floors: 20 },
      changedFields: null,
      userId: 'system',
      serverTime,
    });
  });
  const perTx = 5000;
  let lastUnitId = '';
  for (let start = 0; start < units; start += perTx) {
    await storage.transaction(async (tx) => {
      for (let i = start; i < Math.min(units, start + perTx); i++) {
        const block = String.fromCharCode(65 + (i % 26));
        const floor = 1 + (Math.floor(i / 26) % 20);
        const number = String(1000 + Math.floor(i / 520));
        await writeChange(tx, {
          entity: unit,
          op: 'upsert',
          record: {
            id: (lastUnitId = uuidv7()),
            regionId: officerRegion,
            siteId,
            code: `${block}${floor}-${number}`,
            block,
            floor,
            number,
            sizeM2: i % 2 === 0 ? 36 : 24,
            accessible: floor === 1,
            monthlyRent: 300_000 + (i % 7) * 10_000,
            status: (['occupied', 'available', 'under_repair', 'reserved'] as const)[i % 4],
          },
          changedFields: null,
          userId: 'system',
          serverTime,
        });
      }
    });
  }
  storage.close();
  return { siteId, regionId: officerRegion, lastUnitId };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer /api/health:\n${output()}`);
}

/**
 * `minify: false` keeps function names readable and `serverNodeArgs` (e.g. `--cpu-prof`) go to
 * the server's Node, for CPU profiles (bench/profile-bootstrap.ts).
 */
export async function startHunianRun({ units, minify = true, serverNodeArgs = [] }: { units: number; minify?: boolean; serverNodeArgs?: string[] }): Promise<HunianRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-bench-'));
  const dist = path.join(dir, 'dist');
  const buildArgs = ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error', ...(minify ? [] : ['--minify', 'false'])];
  const built = spawnSync('npx', buildArgs, { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  const dbPath = path.join(dir, 'db.sqlite');
  const { siteId, regionId, lastUnitId } = await seedBenchRegion(dbPath, units);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, [...serverNodeArgs, '--import', 'tsx', 'api/main.ts'], {
    env: { ...process.env, HUNIAN_DIST: dist, HUNIAN_DB: dbPath, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  await waitForHealth(baseUrl, server, () => log);

  const browser = await chromium.launch({
    executablePath: process.env.HUNIAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    baseUrl,
    dir,
    dist,
    siteId,
    siteName: benchSiteName,
    regionId,
    lastUnitId,
    browser,
    async stop() {
      await browser.close();
      // The server runs in its own process group: end that group only.
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page's origin holds `units` units of the site in IndexedDB, looked at with plain
 * IndexedDB (not the app's code). While the last seeded unit is missing it asks for that one
 * record by key, a lookup that costs the database next to nothing; then it counts the site's
 * units, which walks an index of up to 50,000 entries, and goes on counting until all are there.
 * (Counting every 50 ms from the start loaded the very database the engine was writing to.)
 */
export async function waitForStoredUnits(page: Page, run: Pick<HunianRun, 'siteId' | 'lastUnitId'>, units: number, deadline: number): Promise<void> {
  const look = (count: boolean) =>
    page.evaluate(
      ({ siteId, lastUnitId, count }) =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('hunian');
          open.onerror = () => resolve(0);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('units')) return (db.close(), resolve(0));
            const store = db.transaction('units').objectStore('units');
            const request = count ? store.index('siteId').count(IDBKeyRange.only(siteId)) : store.count(lastUnitId);
            request.onsuccess = () => (db.close(), resolve(request.result));
            request.onerror = () => (db.close(), resolve(0));
          };
        }),
      { siteId: run.siteId, lastUnitId: run.lastUnitId, count },
    );
  let lastStored = false;
  for (;;) {
    lastStored ||= (await look(false)) === 1;
    if (lastStored && (await look(true)) >= units) return;
    if (Date.now() > deadline) throw new Error(`${units} units did not arrive in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
