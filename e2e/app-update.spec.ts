import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { e2eDist } from '../playwright.config';
import { OfficerApp } from './support/officer-app';
import { pullEverything } from './support/server-api';

// A new app version is a changed /sw.js. The server serves this run's build from disk, so the
// test changes the file, asks the browser to look for an update, and puts the file back afterwards.
const swPath = path.join(e2eDist, 'sw.js');

async function publishNewVersion(label: string) {
  fs.appendFileSync(swPath, `\n// ${label} ${Date.now()}\n`);
}

async function checkForUpdate(page: Page) {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

const waitingWorker = (page: Page) => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

test('S19: a new version waits while changes are unsent, takes over when the user chooses, and nothing is lost', async ({ browser, request }) => {
  const original = fs.readFileSync(swPath);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  try {
    const officer = new OfficerApp(await context.newPage());
    await officer.signIn('petugas', 'petugas123');
    await expect(officer.unitLink('A-103', 'Rusunawa Sadang Serang')).toBeVisible();
    await officer.waitForServiceWorkerControl();

    // Pushes cannot get through, so the inspection stays unsent.
    await context.route('**/api/sync/push', (route) => route.abort('internetdisconnected'));
    const notes = `Menunggu pembaruan ${Date.now()}`;
    await officer.openUnit('A-103', 'Rusunawa Sadang Serang');
    await officer.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
    await officer.page.getByLabel('Kondisi').selectOption('4');
    await officer.page.getByLabel('Catatan').fill(notes);
    await officer.page.getByRole('button', { name: 'Simpan' }).click();
    await expect(officer.pendingCount()).toHaveText('1');

    await publishNewVersion('update with unsent work');
    await checkForUpdate(officer.page);
    await expect.poll(() => waitingWorker(officer.page)).toBe(true);
    await expect(officer.page.getByText('Versi baru Hunian siap.')).toBeVisible();
    // It keeps waiting through a sync round that cannot push.
    await officer.page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await officer.page.waitForTimeout(1_000);
    expect(await waitingWorker(officer.page)).toBe(true);

    // The user chooses to update: the new version takes over and the page reloads with it.
    const reloaded = officer.page.waitForEvent('load');
    await officer.page.getByRole('button', { name: 'Perbarui sekarang' }).click();
    await reloaded;
    await expect.poll(() => waitingWorker(officer.page)).toBe(false);
    await expect(officer.inspectionItem(notes).getByText('Belum tersinkron')).toBeVisible();
    await expect(officer.pendingCount()).toHaveText('1');

    // Once pushes get through, the write reaches the server exactly once.
    await context.unroute('**/api/sync/push');
    await officer.page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(officer.pendingCount()).toHaveText('0');
    const onServer = (await pullEverything(request, 'kantor', 'kantor123')).filter((c) => c.record.notes === notes);
    expect(onServer).toHaveLength(1);

    // With nothing unsent, the next version takes over by itself.
    await publishNewVersion('update with an empty outbox');
    const reloadedAgain = officer.page.waitForEvent('load');
    await checkForUpdate(officer.page);
    await reloadedAgain;
    await expect.poll(() => waitingWorker(officer.page)).toBe(false);
    await expect(officer.inspectionItem(notes)).toBeVisible();
  } finally {
    fs.writeFileSync(swPath, original);
    await context.close();
  }
});
