import { expect, test } from '@playwright/test';
import { OfficerApp } from './support/officer-app';
import { pullEverything } from './support/server-api';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' };
const sixteenMinutes = 16 * 60_000;

test('a phone away for 15 minutes opens locked, offline, and only the password checked on the device opens it', async ({ browser }) => {
  const context = await browser.newContext(phone);
  try {
    const officer = new OfficerApp(await context.newPage());
    await officer.signIn('petugas', 'petugas123');
    await expect(officer.unitLink('A-102', 'Rusunawa Sadang Serang')).toBeVisible();
    await officer.waitForServiceWorkerControl();
    await context.setOffline(true);
    await officer.page.close();

    // The app was last used sixteen minutes ago (recorded when it went to the background).
    await context.addInitScript((away) => localStorage.setItem('hunian.lastActiveAt', String(Date.now() - away)), sixteenMinutes);
    const reopened = new OfficerApp(await context.newPage());
    await reopened.page.goto('/units');
    await expect(reopened.page.getByRole('heading', { name: 'Hunian terkunci' })).toBeVisible();
    await expect(reopened.page.getByRole('heading', { name: 'Unit di wilayah saya' })).toHaveCount(0);
    await expect(reopened.unitLink('A-102', 'Rusunawa Sadang Serang')).toHaveCount(0);

    await reopened.page.getByLabel('Kata sandi').fill('bukan-sandinya');
    await reopened.page.getByRole('button', { name: 'Buka', exact: true }).click();
    await expect(reopened.page.getByText('Kata sandi salah')).toBeVisible();
    await expect(reopened.page.getByLabel('Kata sandi')).toBeFocused();

    await reopened.page.getByLabel('Kata sandi').fill('petugas123');
    await reopened.page.getByRole('button', { name: 'Buka', exact: true }).click();
    await expect(reopened.page.getByRole('heading', { name: 'Unit di wilayah saya' })).toBeVisible();
    await expect(reopened.unitLink('A-102', 'Rusunawa Sadang Serang')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('sign-out warns about unsent work, then wipes the device so the next user sees nothing of it', async ({ browser, request }) => {
  const context = await browser.newContext(phone);
  try {
    const officer = new OfficerApp(await context.newPage());
    await officer.signIn('petugas', 'petugas123');
    await expect(officer.unitLink('A-102', 'Rusunawa Sadang Serang')).toBeVisible();
    await officer.waitForServiceWorkerControl();
    await context.setOffline(true);

    await officer.openUnit('A-102', 'Rusunawa Sadang Serang');
    await officer.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
    const notes = `Tidak pernah terkirim ${Date.now()}`;
    await officer.page.getByLabel('Kondisi').selectOption('3');
    await officer.page.getByLabel('Catatan').fill(notes);
    await officer.page.getByRole('button', { name: 'Simpan' }).click();
    await expect(officer.pendingCount()).toHaveText('1');

    // Asked first, with what would be lost; cancelling keeps everything.
    await officer.page.getByRole('button', { name: 'Keluar', exact: true }).click();
    const dialog = officer.page.getByRole('dialog', { name: 'Keluar dari Hunian?' });
    await expect(dialog.getByText('1 perubahan dan 0 foto atau dokumen belum terkirim ke server, dan 0 isian formulir belum disimpan.', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Ekspor pekerjaan yang belum terkirim dulu' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(officer.pendingCount()).toHaveText('1');

    await officer.page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await dialog.getByRole('button', { name: 'Keluar dan hapus, termasuk yang belum terkirim' }).click();
    await expect(officer.page.getByRole('heading', { name: 'Masuk' })).toBeVisible();

    // Nothing of hers is left: no records, no outbox, no other caches than the app itself.
    const left = await officer.page.evaluate(async () => {
      const open = await new Promise<IDBDatabase | null>((resolve) => {
        const request = indexedDB.open('hunian');
        request.onupgradeneeded = () => {
          request.transaction!.abort();
          resolve(null);
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      const counts: Record<string, number> = {};
      if (open) {
        for (const name of Array.from(open.objectStoreNames)) {
          counts[name] = await new Promise<number>((resolve) => {
            const count = open.transaction(name).objectStore(name).count();
            count.onsuccess = () => resolve(count.result);
          });
        }
        open.close();
      }
      return { counts, caches: (await caches.keys()).filter((key) => !key.startsWith('workbox-precache')) };
    });
    expect(Object.values(left.counts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(left.caches).toEqual([]);

    // The next user of the phone, online, sees only her own region.
    await context.setOffline(false);
    const next = new OfficerApp(officer.page);
    await next.page.getByLabel('Nama pengguna').fill('petugas.jaktim');
    await next.page.getByLabel('Kata sandi').fill('petugas123');
    await next.page.getByRole('button', { name: 'Masuk' }).click();
    await next.openUnitsList();
    await expect(next.page.getByText('Rusunawa Pulo Gebang').first()).toBeVisible();
    await expect(next.unitLink('A-102', 'Rusunawa Sadang Serang')).toHaveCount(0);
    // She chose to lose it: the inspection never reached the server.
    expect((await pullEverything(request, 'kantor', 'kantor123')).filter((c) => c.record.notes === notes)).toHaveLength(0);
  } finally {
    await context.close();
  }
});
