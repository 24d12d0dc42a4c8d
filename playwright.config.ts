import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// One real server on a fresh SQLite file for the whole run. The config is evaluated again in each
// worker process, which inherits the environment, so the folder is made once.
process.env.HUNIAN_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-e2e-'));
/** The run's own build of the app, so that runs side by side never share (or change) one dist/. */
export const e2eDist = path.join(process.env.HUNIAN_E2E_DIR, 'dist');
const port = Number(process.env.HUNIAN_E2E_PORT ?? 8799);
export const chromiumPath = process.env.HUNIAN_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The specs share one server and its database.
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: path.join(process.env.HUNIAN_E2E_DIR, 'test-results'),
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${JSON.stringify(e2eDist)} && npx tsx api/main.ts`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), HUNIAN_DB: path.join(process.env.HUNIAN_E2E_DIR, 'hunian.sqlite'), HUNIAN_DIST: e2eDist },
  },
});
