import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';

const desktop = { viewport: { width: 1366, height: 900 }, locale: 'id-ID', permissions: ['background-sync'], acceptDownloads: true };
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', permissions: ['background-sync'] };

async function signInAsOffice(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill('kantor');
  await page.getByLabel('Kata sandi').fill('kantor123');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });
/** "1.234" (Indonesian grouping) → 1234. */
const count = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test('the office dashboard shows this month’s figures, a chart with its table by month and by site, and narrows to a region', async ({ browser }) => {
  const context = await browser.newContext(desktop);
  try {
    const page = await context.newPage();
    await signInAsOffice(page);
    await nav(page).getByRole('link', { name: /^(Dasbor|Hunian)$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor hunian' })).toBeVisible();

    const siteTable = page.getByRole('table', { name: 'Unit, tunggakan dan perbaikan terlambat per rusun' });
    const sadangSerang = siteTable.getByRole('row', { name: /Rusunawa Sadang Serang/ });
    await expect(sadangSerang).toBeVisible({ timeout: 30_000 });
    await expect(siteTable.getByRole('row', { name: /Rusunawa Pulo Gebang/ })).toBeVisible();

    // Last month is what the Bandung sites' submitted reports said (the demo files them); once it
    // shows, the first download is in.
    await expect(page.getByTestId('table-by-month').locator('tbody tr').nth(4)).toContainText(/Laporan dari [1-9]\d* dari \d+ rusun/, { timeout: 30_000 });
    await expect(page.getByTestId('figure-occupancy-rate')).toHaveText(/^\d+(,\d)?%$/);
    await expect(page.getByTestId('figure-arrears')).toHaveText(/^Rp/);
    const occupied = count(await page.getByTestId('figure-occupied').textContent());
    const vacant = count(await page.getByTestId('figure-vacant').textContent());
    expect(occupied + vacant).toBeGreaterThan(0);
    await expect(page.getByTestId('figure-overdue-repairs')).toHaveText(/^\d+$/);

    // The month table: six months, the last counted live, and its figures the headline's.
    const monthTable = page.getByTestId('table-by-month');
    await expect(monthTable.locator('tbody tr')).toHaveCount(6);
    const live = monthTable.locator('tbody tr').last();
    await expect(live).toContainText('Langsung');
    await expect(live.locator('td').nth(1)).toHaveText(String(occupied.toLocaleString('id-ID')));

    // Each chart is an image with its figures in words, drawn once chart.js has loaded.
    const monthChart = page.getByRole('img', { name: /^Grafik tingkat hunian per bulan/ });
    await expect(monthChart).toBeVisible();
    await expect(page.getByText('Memuat grafik…')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole('img', { name: /Rusunawa Sadang Serang: \d+ kosong/ })).toBeVisible();

    await page.getByLabel('Wilayah', { exact: true }).selectOption({ label: 'DKI Jakarta' });
    await expect(siteTable.getByRole('row', { name: /Rusunawa Pulo Gebang/ })).toBeVisible();
    await expect(sadangSerang).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('region')).toBeTruthy();
    await expect(page.getByLabel('Rusun', { exact: true })).toContainText('Rusunawa Pulo Gebang');
    await expect(page.getByLabel('Rusun', { exact: true }).locator('option', { hasText: 'Rusunawa Sadang Serang' })).toHaveCount(0);
    await expectNoSeriousViolations(page, 'dashboard, filtered');
  } finally {
    await context.close();
  }
});

test('the office exports one site’s units as CSV (BOM, one row per unit) and as Excel', async ({ browser }) => {
  const context = await browser.newContext(desktop);
  try {
    const page = await context.newPage();
    await signInAsOffice(page);
    await nav(page).getByRole('link', { name: 'Ekspor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ekspor data' })).toBeVisible();

    await page.getByRole('radio', { name: 'Unit', exact: true }).check();
    await expect(page.getByLabel('Rusun', { exact: true }).locator('option', { hasText: 'Rusunawa Sadang Serang' })).toHaveCount(1, { timeout: 30_000 });
    await page.getByLabel('Rusun', { exact: true }).selectOption({ label: 'Rusunawa Sadang Serang' });
    await expect(page.getByTestId('export-count')).toHaveText(/^\d+ baris cocok\.$/);
    const matching = count(await page.getByTestId('export-count').textContent());
    expect(matching).toBeGreaterThan(0);
    const preview = page.getByTestId('export-preview');
    await expect(preview.getByRole('columnheader', { name: 'Kode unit' })).toBeVisible();
    await expect(preview.locator('tbody tr')).toHaveCount(Math.min(10, matching));

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^hunian-units-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^ID unit,Kode unit,Rusun,ID rusun,Wilayah,/);
    expect(lines).toHaveLength(matching + 1);
    expect(lines.slice(1).every((line) => line.includes(',Rusunawa Sadang Serang,'))).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: /sudah diunduh/ })).toBeVisible();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync((await xlsx.path())!);
    // An .xlsx is a zip: it starts with "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2000);

    // A backwards date range is refused next to the field.
    await page.getByRole('radio', { name: 'Pemeriksaan' }).check();
    await page.getByLabel('Dari tanggal').fill('2026-05-10');
    await page.getByLabel('Sampai tanggal').fill('2026-05-01');
    await expect(page.getByLabel('Sampai tanggal')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Akhir rentang tidak boleh sebelum awalnya.')).toBeVisible();
    await expectNoSeriousViolations(page, 'exports, with a problem');
  } finally {
    await context.close();
  }
});

test('the dashboard fits a 360 px phone: no sideways scroll of the page itself', async ({ browser }) => {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await signInAsOffice(page);
    await page.goto('/office/dashboard');
    await expect(page.getByTestId('table-by-site').getByRole('row', { name: /Rusunawa Sadang Serang/ })).toBeVisible({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});
