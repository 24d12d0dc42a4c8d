import { expect, test, type BrowserContext } from '@playwright/test';
import { OfficerApp } from './support/officer-app';
import { pullEverything } from './support/server-api';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' };
const nowhere = '01900000-0000-7000-8000-000000000000';

/**
 * The app validates as the server does, so a refusal needs something the device cannot check:
 * here every inspection pushed names a unit that does not exist, as a broken build of the app
 * might. The server refuses each such mutation alone (S15) with `invalid_reference`.
 */
async function breakInspectionPushes(context: BrowserContext) {
  const broken = { count: 0 };
  await context.route('**/api/sync/push', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { mutations: { entity: string; fields: Record<string, unknown> }[] };
    for (const mutation of body.mutations) {
      if (mutation.entity !== 'inspections' || !('unitId' in mutation.fields)) continue;
      mutation.fields.unitId = nowhere;
      broken.count++;
    }
    await route.continue({ postData: JSON.stringify(body) });
  });
  return broken;
}

async function recordInspection(officer: OfficerApp, notes: string) {
  await officer.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
  await expect(officer.page.getByLabel('Jenis pemeriksaan')).toHaveValue('periodic');
  await officer.page.getByLabel('Jenis pemeriksaan').selectOption({ label: 'Pengaduan' });
  await officer.page.getByLabel('Kondisi').selectOption('2');
  await officer.page.getByLabel('Catatan').fill(notes);
  await officer.page.getByRole('button', { name: 'Simpan' }).click();
}

test('S15: a change the server refuses shows on its record, and is fixed and resent, or discarded', async ({ browser, request }) => {
  const context = await browser.newContext(phone);
  try {
    const officer = new OfficerApp(await context.newPage());
    await officer.signIn('petugas', 'petugas123');
    await expect(officer.unitLink('A-202', 'Rusunawa Sadang Serang')).toBeVisible();
    await officer.waitForServiceWorkerControl();
    await breakInspectionPushes(context);
    await officer.openUnit('A-202', 'Rusunawa Sadang Serang');

    // Refused: the reason shows on the inspection, which is no longer counted as waiting.
    const notes = `Keran bocor ${Date.now()}`;
    await recordInspection(officer, notes);
    const item = officer.inspectionItem(notes);
    await expect(item.getByText('Tidak diterima server: unit atau data terkait tidak ada atau tidak boleh Anda ubah')).toBeVisible({ timeout: 30_000 });
    await expect(item.getByText('Pengaduan')).toBeVisible();
    await expect(item.getByText('Belum tersinkron')).toHaveCount(0);
    await expect(officer.pendingCount()).toHaveText('0');
    await expect(officer.page.getByTestId('rejected-count')).toHaveText('1');

    // Discarding asks first; saying no puts focus back where it was.
    await item.getByRole('button', { name: 'Buang perubahan' }).click();
    await expect(item.getByText('Buang pemeriksaan ini?')).toBeFocused();
    await item.getByRole('button', { name: 'Batal' }).click();
    await expect(item.getByRole('button', { name: 'Buang perubahan' })).toBeFocused();

    // Fix: the form opens filled in, with the reason; saving sends the change again.
    await item.getByRole('link', { name: 'Perbaiki' }).click();
    await expect(officer.page.getByRole('heading', { name: 'Ubah pemeriksaan' })).toBeVisible();
    await expect(officer.page.getByText(/^Tidak diterima server:/)).toBeVisible();
    await expect(officer.page.getByLabel('Jenis pemeriksaan')).toHaveValue('complaint');
    await expect(officer.page.getByLabel('Catatan')).toHaveValue(notes);
    await context.unroute('**/api/sync/push');
    const fixedNotes = `${notes}, sudah diperbaiki`;
    await officer.page.getByLabel('Catatan').fill(fixedNotes);
    await officer.page.getByRole('button', { name: 'Simpan' }).click();

    const fixed = officer.inspectionItem(fixedNotes);
    await expect(fixed).toBeVisible();
    await expect(fixed.getByText('Belum tersinkron')).toHaveCount(0, { timeout: 30_000 });
    await expect(fixed.getByText(/Tidak diterima server/)).toHaveCount(0);
    await expect(officer.page.getByTestId('rejected-count')).toHaveCount(0);
    const onServer = (await pullEverything(request, 'kantor', 'kantor123')).filter((c) => String(c.record.notes).startsWith(notes));
    expect(onServer.map((c) => c.record)).toEqual([expect.objectContaining({ notes: fixedNotes, type: 'complaint', conditionRating: 2 })]);

    // Sent again unchanged, it is refused again; discarded, it is gone from the device and never reached the server.
    const broken = await breakInspectionPushes(context);
    const doomed = `Cat mengelupas ${Date.now()}`;
    await recordInspection(officer, doomed);
    const doomedItem = officer.inspectionItem(doomed);
    await expect(doomedItem.getByText(/^Tidak diterima server:/)).toBeVisible({ timeout: 30_000 });
    expect(broken.count).toBe(1);
    await doomedItem.getByRole('button', { name: 'Kirim ulang' }).click();
    await expect.poll(() => broken.count, { timeout: 30_000 }).toBe(2);
    await expect(doomedItem.getByText(/^Tidak diterima server:/)).toBeVisible({ timeout: 30_000 });
    await expect(officer.page.getByTestId('rejected-count')).toHaveText('1');
    await doomedItem.getByRole('button', { name: 'Buang perubahan' }).click();
    await doomedItem.getByRole('button', { name: 'Ya, buang' }).click();
    await expect(doomedItem).toHaveCount(0);
    await expect(officer.page.getByRole('heading', { name: 'Riwayat pemeriksaan' })).toBeFocused();
    await expect(officer.page.getByTestId('rejected-count')).toHaveCount(0);
    await expect(fixed).toBeVisible();
    expect((await pullEverything(request, 'kantor', 'kantor123')).filter((c) => c.record.notes === doomed)).toHaveLength(0);
  } finally {
    await context.close();
  }
});
