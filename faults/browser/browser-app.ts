import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { MetaEntry } from '../../worker/local-db';
import { LocalDb } from '../../worker/local-db';
import type { SimDevice } from '../../worker/fuzz/sim-device';
import { waitFor } from '../fault-scenario';
import { ServerUnderTest } from '../server-under-test';
import { pageHooksScript } from './page-hooks-bundle';

const repoRoot = path.join(import.meta.dirname, '..', '..');
/** A phone, as the e2e specs use. */
export const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' };

let built: Promise<string> | undefined;
let sharedApp: Promise<BrowserApp> | undefined;
const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** The app built once per process into a folder of its own (never the shared dist/). */
function buildApp(): Promise<string> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-faults-app-'));
    scratch.push(dir);
    const dist = path.join(dir, 'dist');
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
    return dist;
  })();
  return built;
}

/** Chromium as playwright.config.ts launches it (read without letting the config make its temp folder). */
async function chromiumLaunchOptions(): Promise<{ executablePath: string; args: string[] }> {
  process.env.HUNIAN_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-faults-e2e-'));
  scratch.push(process.env.HUNIAN_E2E_DIR);
  const { chromiumPath, chromiumArgs } = await import('../../playwright.config');
  return { executablePath: chromiumPath, args: chromiumArgs };
}

/** The built app served by the real server (behind the fault proxy), and Chromium. */
export class BrowserApp {
  private constructor(
    readonly server: ServerUnderTest,
    readonly browser: Browser,
    private readonly launchOptions: { executablePath: string; args: string[] },
  ) {}

  static async start(): Promise<BrowserApp> {
    const server = await ServerUnderTest.start({ distDir: await buildApp() });
    const launchOptions = await chromiumLaunchOptions();
    return new BrowserApp(server, await chromium.launch(launchOptions), launchOptions);
  }

  /**
   * One app, server and browser for every browser fault of a process (each run has its own
   * browser context, and its checks look only at what changed since it began): starting them
   * once saves seconds per fault in `npm test`. Closed by closeShared at the end.
   */
  static shared(): Promise<BrowserApp> {
    sharedApp ??= BrowserApp.start();
    return sharedApp;
  }

  static async closeShared(): Promise<void> {
    const app = sharedApp;
    sharedApp = undefined;
    if (app) await (await app).stop();
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** A browser with a profile on disk, so that closing it and opening it again keeps IndexedDB and the worker. */
  launchPersistent(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    return chromium.launchPersistentContext(userDataDir, { ...this.launchOptions, ...phone, ...options });
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}

/**
 * The page's hooks (page-hooks.ts), added once per document. Evaluated through DevTools rather
 * than as a script tag: the app's Content-Security-Policy (script-src 'self') rightly refuses
 * inline scripts, and the suite must not loosen it.
 */
export async function withHooks(page: Page): Promise<Page> {
  if (!(await page.evaluate(() => Boolean(window.hunianFaults)))) await page.evaluate(await pageHooksScript());
  return page;
}

/**
 * Signs in through the sign-in screen, as an officer would, and waits for the first download and
 * for the service worker to control the page.
 */
export async function signInThroughUi(page: Page, baseUrl: string, username = 'petugas', password = 'petugas123'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
  await withHooks(page);
  if (!(await waitFor(() => page.evaluate(async () => (await window.hunianFaults!.cursor()) > 0), 30_000))) throw new Error('the first download did not finish');
}

export async function outboxCount(page: Page): Promise<number> {
  return (await withHooks(page)).evaluate(() => window.hunianFaults!.outboxCount());
}

/**
 * The device's database as the checks read it: copied whole out of the page into a Node Dexie
 * (fake-indexeddb), with the label and session the fuzz invariants use. The invariants take
 * SimDevice; they read only `label`, `session` and `db`, so this is one in every way they see.
 */
export async function deviceForChecks(page: Page, label: string): Promise<SimDevice> {
  const stores = await (await withHooks(page)).evaluate(() => window.hunianFaults!.dump());
  const db = new LocalDb(`faults-${label}-${Date.now()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  for (const [name, rows] of Object.entries(stores)) {
    if (name === 'attachmentBlobs') continue;
    await db.table(name).bulkPut(rows);
  }
  const session = (stores.meta as MetaEntry[]).find((m) => m.key === 'session')?.value;
  if (!session) throw new Error(`${label}: no session on the device`);
  return { label, session, db } as unknown as SimDevice;
}

/**
 * Self-test only: a saved record and its outbox entry vanish from the device, as a storage bug
 * would lose them. Straight through IndexedDB, behind the app's back.
 */
export async function dropSavedRecord(page: Page, recordId: string, entity = 'inspections'): Promise<void> {
  await page.evaluate(
    ([id, store]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hunian');
        open.onsuccess = () => {
          const tx = open.result.transaction([store, 'mutations'], 'readwrite');
          tx.objectStore(store).delete(id);
          const outbox = tx.objectStore('mutations');
          outbox.openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            if ((cursor.value as { recordId: string }).recordId === id) cursor.delete();
            cursor.continue();
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [recordId, entity] as const,
  );
}
