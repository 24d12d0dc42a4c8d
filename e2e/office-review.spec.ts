import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { OfficerApp } from './support/officer-app';
import { pullEverything } from './support/server-api';
import { latestRecords } from './support/server-records';

// Two people, two browsers, one real server: a field officer's phone and an office desktop.
const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  // Granting any permission denies the ones left out: background sync is named.
  permissions: ['background-sync'],
};
const desktop = { viewport: { width: 1366, height: 900 }, locale: 'id-ID', permissions: ['background-sync'] };
const stamp = Date.now();

async function openApp(browser: Browser, options: typeof phone | typeof desktop, username: string, password: string) {
  const context = await browser.newContext(options);
  const app = new OfficerApp(await context.newPage());
  await app.signIn(username, password);
  await app.waitForServiceWorkerControl();
  return { context, app };
}

/** Presses "Sinkronkan sekarang" and waits until nothing is left to send. */
async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeEnabled({ timeout: 30_000 });
}

async function editInspectionNotes(app: OfficerApp, oldNotes: string, newNotes: string) {
  await app.inspectionItem(oldNotes).getByRole('link', { name: /^Ubah pemeriksaan/ }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Ubah pemeriksaan' })).toBeVisible();
  await app.page.getByLabel('Catatan').fill(newNotes);
  await app.page.getByRole('button', { name: 'Simpan' }).click();
  await expect(app.inspectionItem(newNotes)).toBeVisible();
}

test('S14: the officer and the office change the same field at once; the office sees both values in the conflict inbox, with who and when, and restores the officer’s; both devices end with it', async ({
  browser,
  request,
}) => {
  // Two browsers and several sync rounds: longer than one phone's spec.
  test.setTimeout(180_000);
  let officerContext: BrowserContext | undefined;
  let officeContext: BrowserContext | undefined;
  try {
    const officerSide = await openApp(browser, phone, 'petugas', 'petugas123');
    officerContext = officerSide.context;
    const officer = officerSide.app;
    const unit = { code: 'B-201', site: 'Rusunawa Sadang Serang' };
    const first = `Kunci pintu rusak ${stamp}`;
    await officer.openUnit(unit.code, unit.site);
    await officer.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
    await officer.page.getByLabel('Kondisi').selectOption('3');
    await officer.page.getByLabel('Catatan').fill(first);
    await officer.page.getByRole('button', { name: 'Simpan' }).click();
    await expect(officer.inspectionItem(first)).toBeVisible();
    await syncNow(officer.page);

    const officeSide = await openApp(browser, desktop, 'kantor', 'kantor123');
    officeContext = officeSide.context;
    const office = officeSide.app;
    await office.openUnit(unit.code, unit.site);
    await expect(office.inspectionItem(first)).toBeVisible();

    // The officer, offline in the field, and the office, online, rewrite the same notes.
    const officerNotes = `Kunci pintu rusak, engsel lepas, diganti penghuni ${stamp}`;
    const officeNotes = `Kunci pintu rusak, tukang dijadwalkan ${stamp}`;
    await officerContext.setOffline(true);
    await editInspectionNotes(officer, first, officerNotes);
    await expect(officer.pendingCount()).toHaveText('1');
    await editInspectionNotes(office, first, officeNotes);
    await syncNow(office.page);

    // The officer's edit reaches the server second: the office's value stays, hers is kept aside.
    await officerContext.setOffline(false);
    await syncNow(officer.page);
    await expect(officer.inspectionItem(officeNotes)).toBeVisible();

    await syncNow(office.page);
    await office.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: /^Konflik/ }).click();
    await expect(office.page.getByRole('heading', { level: 1, name: 'Konflik' })).toBeVisible();
    const conflict = office.page.getByRole('listitem').filter({ hasText: officerNotes });
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByText('Isian: Catatan')).toBeVisible();
    const current = conflict.locator('.conflict__value--kept');
    const lost = conflict.locator('.conflict__value--lost');
    await expect(current).toContainText(officeNotes);
    await expect(current).toContainText('oleh Dewi Lestari');
    await expect(lost).toContainText(officerNotes);
    await expect(lost).toContainText('oleh Siti Rahmawati');
    await expect(lost).toContainText('dicatat di perangkat pada');

    await conflict.getByRole('button', { name: 'Pulihkan nilai yang kalah' }).click();
    await expect(office.page.getByText('Nilai yang kalah dipulihkan.')).toBeVisible();
    await syncNow(office.page);

    // Both devices and the server end with the officer's words.
    await syncNow(officer.page);
    await office.openUnitsList();
    await office.openUnit(unit.code, unit.site);
    await expect(office.inspectionItem(officerNotes)).toBeVisible();
    await officer.openUnitsList();
    await officer.openUnit(unit.code, unit.site);
    await expect(officer.inspectionItem(officerNotes)).toBeVisible();
    const changes = await pullEverything(request, 'kantor', 'kantor123');
    const inspections = [...latestRecords(changes, 'inspections').values()].filter((r) => String(r.notes).endsWith(String(stamp)));
    expect(inspections.map((r) => r.notes)).toEqual([officerNotes]);
    const conflicts = [...latestRecords(changes, 'conflicts').values()].filter((r) => r.lostValue === officerNotes);
    expect(conflicts.map((r) => [r.status, r.keptValue])).toEqual([['restored', officeNotes]]);
  } finally {
    await officeContext?.close();
    await officerContext?.close();
  }
});
