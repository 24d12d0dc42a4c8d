import { expect, test } from '@playwright/test';
import { OfficerApp } from './support/officer-app';
import { pullEverything } from './support/server-api';

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' };
const notes = `Plafon kamar mandi bocor ${Date.now()}`;

test('S1 S10 S12: an officer records an inspection offline; it survives a restart, syncs by itself and the office sees it', async ({
  browser,
  request,
}) => {
  const officerContext = await browser.newContext(phone);
  const officer = new OfficerApp(await officerContext.newPage());

  // Online once: sign in, let the region's data arrive and the service worker take control.
  await officer.signIn('petugas', 'petugas123');
  await expect(officer.unitLink('A-102', 'Rusunawa Sadang Serang')).toBeVisible();
  await officer.waitForServiceWorkerControl();

  // From here on, no network at all.
  await officerContext.setOffline(true);
  const reload = await officer.page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(officer.page.getByRole('heading', { name: 'Unit di wilayah saya' })).toBeVisible();
  await expect(officer.page.getByText('Luring')).toBeVisible();

  await officer.openUnit('A-102', 'Rusunawa Sadang Serang');
  await officer.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
  await expect(officer.page.getByRole('heading', { name: 'Pemeriksaan baru' })).toBeVisible();

  // The form validates offline, with the message next to the field.
  await officer.page.getByLabel('Catatan').fill(notes);
  await officer.page.getByRole('button', { name: 'Simpan' }).click();
  const condition = officer.page.getByLabel('Kondisi');
  await expect(condition).toHaveAttribute('aria-invalid', 'true');
  await expect(officer.page.getByText('Wajib diisi')).toBeVisible();

  await condition.selectOption('2');
  await officer.page.getByRole('button', { name: 'Simpan' }).click();
  const item = officer.inspectionItem(notes);
  await expect(item).toBeVisible();
  await expect(item.getByText('Belum tersinkron')).toBeVisible();
  await expect(officer.pendingCount()).toHaveText('1');
  const unitUrl = officer.page.url();

  // Close the app and open it again, still offline: the service worker starts it.
  await officer.page.close();
  const reopened = new OfficerApp(await officerContext.newPage());
  const start = await reopened.page.goto(unitUrl);
  expect(start?.fromServiceWorker()).toBe(true);
  await expect(reopened.inspectionItem(notes).getByText('Belum tersinkron')).toBeVisible();
  await expect(reopened.pendingCount()).toHaveText('1');

  const beforeSync = await pullEverything(request, 'kantor', 'kantor123');
  expect(beforeSync.filter((c) => c.record.notes === notes)).toHaveLength(0);

  // The network comes back. Nobody presses Sync now.
  await officerContext.setOffline(false);
  await expect(reopened.inspectionItem(notes).getByText('Belum tersinkron')).toHaveCount(0, { timeout: 30_000 });
  await expect(reopened.pendingCount()).toHaveText('0');
  await expect(reopened.inspectionItem(notes)).toBeVisible();

  const onServer = (await pullEverything(request, 'kantor', 'kantor123')).filter((c) => c.record.notes === notes);
  expect(onServer).toHaveLength(1);
  expect(onServer[0]!.record).toMatchObject({ conditionRating: 2, deleted: false });

  // An office user in desktop Chrome sees it.
  const officeContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const office = new OfficerApp(await officeContext.newPage());
  await office.signIn('kantor', 'kantor123');
  await office.openUnit('A-102', 'Rusunawa Sadang Serang');
  await expect(office.inspectionItem(notes)).toBeVisible();
  await expect(office.inspectionItem(notes).getByText('Belum tersinkron')).toHaveCount(0);

  await officeContext.close();
  await officerContext.close();
});
