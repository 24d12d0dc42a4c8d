import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { OfficerApp } from './support/officer-app';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', permissions: ['background-sync'] };
const desktop = { viewport: { width: 1366, height: 900 }, locale: 'id-ID', permissions: ['background-sync'] };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

/** Opens a screen from the main navigation and waits for its level-one heading. */
async function openFromNav(page: Page, link: string, heading: string | RegExp) {
  await nav(page).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('every main screen of the field officer’s phone has no serious or critical axe violation', async ({ browser }) => {
  const context = await browser.newContext(phone);
  try {
    const officer = new OfficerApp(await context.newPage());
    await officer.page.goto('/');
    await expectNoSeriousViolations(officer.page, 'sign-in');
    await officer.signIn('petugas', 'petugas123');
    await expectNoSeriousViolations(officer.page, 'units list');
    await officer.openUnit('A-102', 'Rusunawa Sadang Serang');
    await expectNoSeriousViolations(officer.page, 'unit');
    await openFromNav(officer.page, 'Beranda', 'Beranda');
    await expectNoSeriousViolations(officer.page, 'home');
    await openFromNav(officer.page, 'Cari', /Cari/);
    await expectNoSeriousViolations(officer.page, 'search');
    await officer.page.goto('/applications/new');
    await expect(officer.page.getByRole('heading', { level: 1, name: 'Pendaftaran baru' })).toBeVisible();
    await expectNoSeriousViolations(officer.page, 'application form');
  } finally {
    await context.close();
  }
});

test('every main screen of the office desktop has no serious or critical axe violation', async ({ browser }) => {
  const context = await browser.newContext(desktop);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('admin123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    await expectNoSeriousViolations(page, 'home');

    await openFromNav(page, 'Tinjauan', 'Tinjauan permohonan');
    await expectNoSeriousViolations(page, 'review queue');
    await openFromNav(page, 'Dasbor', 'Dasbor hunian');
    await expectNoSeriousViolations(page, 'occupancy dashboard');
    await openFromNav(page, 'Ekspor', /Ekspor/);
    await expectNoSeriousViolations(page, 'exports');
    await openFromNav(page, 'Konflik', /Konflik/);
    await expectNoSeriousViolations(page, 'conflict inbox');
    await openFromNav(page, 'Perangkat', 'Kesehatan sinkronisasi perangkat');
    await expectNoSeriousViolations(page, 'sync health');
    await openFromNav(page, 'Pengguna', 'Pengguna');
    await expectNoSeriousViolations(page, 'users');
  } finally {
    await context.close();
  }
});

test('the check itself finds a serious violation where there is one', async ({ page }) => {
  // An image without a text alternative and a button without a name: both critical in axe.
  await page.setContent('<html lang="id"><head><title>x</title></head><body><main><h1>x</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>');
  await expect(expectNoSeriousViolations(page, 'broken page')).rejects.toThrow(/image-alt|button-name/);
});
