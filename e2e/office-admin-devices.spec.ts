import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';

const desktop = { viewport: { width: 1366, height: 900 }, locale: 'id-ID', permissions: ['background-sync'] };
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID', permissions: ['background-sync'] };
const screenshots = process.env.HUNIAN_E2E_SCREENSHOTS;

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

async function withContext(browser: Browser, options: typeof desktop | typeof phone, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext(options);
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test('an administrator creates a user (the password rule shown at its field), changes her role, and is told a connection is needed offline', async ({ browser }) => {
  await withContext(browser, desktop, async (page) => {
    await signIn(page, 'admin', 'admin123');
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible();
    const users = page.getByRole('table', { name: 'Daftar pengguna' });
    await expect(users.getByRole('row', { name: /petugas\b/ }).first()).toBeVisible();
    await expect(page.getByText(/^Diperbarui /)).toBeVisible();
    await expectNoSeriousViolations(page, 'users');

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = page.getByRole('region', { name: 'Pengguna baru' });
    await form.getByLabel('Nama pengguna').fill('ratna.e2e');
    await form.getByLabel('Nama lengkap').fill('Ratna Sari');
    await form.getByLabel('Peran').selectOption({ label: 'Petugas lapangan' });
    await form.getByRole('checkbox', { name: 'Kota Bandung' }).check();
    await form.getByLabel('Kata sandi awal').fill('pendek');
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await expect(form.getByLabel('Kata sandi awal')).toHaveAccessibleDescription(/Kata sandi minimal 8 karakter/);
    await form.getByLabel('Kata sandi awal').fill('rahasia123');
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Pengguna Ratna Sari dibuat.' })).toBeVisible();
    const ratna = users.getByRole('row', { name: /Ratna Sari/ });
    await expect(ratna).toContainText('Kota Bandung');

    await ratna.getByRole('button', { name: 'Ubah Ratna Sari' }).click();
    const editor = page.getByRole('region', { name: 'Ubah pengguna: Ratna Sari' });
    await editor.getByLabel('Peran', { exact: true }).selectOption({ label: 'Staf kantor' });
    await editor.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(editor.getByRole('status').filter({ hasText: /disimpan/ })).toBeVisible();
    await expect(ratna).toContainText('Staf kantor');
    if (screenshots) await page.screenshot({ path: `${screenshots}/users-desktop.png`, fullPage: true });

    await page.context().setOffline(true);
    await editor.getByRole('button', { name: 'Akhiri semua sesi' }).click();
    await expect(editor.getByRole('alert')).toContainText('Perlu koneksi internet');
    await expect(page.getByText(/Anda sedang luring/)).toBeVisible();
    await expect(ratna).toBeVisible();
  });
});

test('the office sees each device’s sync health, and a unit’s change history', async ({ browser }) => {
  await withContext(browser, phone, async (page) => {
    await signIn(page, 'kantor', 'kantor123');
    await page.goto('/office/devices');
    await expect(page.getByRole('heading', { level: 1, name: 'Kesehatan sinkronisasi perangkat' })).toBeVisible();
    const devices = page.getByRole('table', { name: 'Perangkat, yang perlu perhatian lebih dulu' });
    // This phone reports itself after its first sync round, which may end after the list was fetched.
    await expect(async () => {
      await page.getByRole('button', { name: 'Muat ulang' }).click();
      await expect(devices.getByRole('row', { name: /kantor · Perangkat/ })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expectNoSeriousViolations(page, 'devices');
    if (screenshots) await page.screenshot({ path: `${screenshots}/devices-phone.png`, fullPage: true });
    // Offline the last copy stays, and the screen says why it is not newer.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tidak ada koneksi internet. Yang tampil adalah salinan terakhir di perangkat ini.' })).toBeVisible();
    await expect(devices.getByRole('row', { name: /kantor · Perangkat/ })).toBeVisible();
    await page.context().setOffline(false);

    await page.goto('/units');
    await page.getByLabel('Cari kode atau alamat').fill('A-102');
    await page.getByRole('link', { name: /^A-102 · / }).first().click();
    const history = page.getByRole('region', { name: 'Riwayat perubahan' });
    await expect(history).toBeVisible();
    await expect(history.getByText(/^Diperbarui /)).toBeVisible();
    await expectNoSeriousViolations(page, 'unit history');
    if (screenshots) await page.screenshot({ path: `${screenshots}/unit-history-phone.png`, fullPage: true });
  });
});

test('at 360 px the users are cards, and the form opens above them without a sideways scroll', async ({ browser }) => {
  await withContext(browser, phone, async (page) => {
    await signIn(page, 'admin', 'admin123');
    await page.goto('/admin/users');
    const users = page.getByRole('table', { name: 'Daftar pengguna' });
    await expect(users.getByRole('row', { name: /petugas\b/ }).first()).toBeVisible();
    await users.getByRole('button', { name: 'Ubah Siti Rahmawati' }).click();
    const editor = page.getByRole('region', { name: 'Ubah pengguna: Siti Rahmawati' });
    await expect(editor.getByRole('heading', { level: 2 })).toBeFocused();
    const editorBox = await editor.boundingBox();
    const tableBox = await users.boundingBox();
    expect(editorBox && tableBox && editorBox.y < tableBox.y).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousViolations(page, 'users, phone');
    if (screenshots) await page.screenshot({ path: `${screenshots}/users-phone.png`, fullPage: true });
  });
});
