import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';

test('the app is installable: Chrome reports no installability errors', async ({ baseURL }) => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, args: chromiumArgs, baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});
