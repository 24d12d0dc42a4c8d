import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ApplicationFormPage } from './support/field-forms';
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

/** Every browser context a test opened, closed after it whether it passed or not. */
const opened: BrowserContext[] = [];
test.afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

async function openApp(browser: Browser, options: typeof phone | typeof desktop, username: string, password: string) {
  const context = await browser.newContext(options);
  opened.push(context);
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

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

/** The records of one store of the device's database (IndexedDB "hunian"), read raw, as the app holds them. */
async function deviceRecord(page: Page, store: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ([storeName, key]) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('hunian');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(storeName!, 'readonly').objectStore(storeName!).get(key!);
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown> | undefined);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [store, id],
  );
}

/** The occupied-units figure of one site on the office's occupancy dashboard. */
async function occupiedOnDashboard(page: Page, siteName: string): Promise<number> {
  await nav(page).getByRole('link', { name: 'Dasbor', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor hunian' })).toBeVisible();
  await page.getByLabel('Rusun', { exact: true }).selectOption({ label: siteName });
  const figure = page.getByTestId('figure-occupied');
  await expect(figure).toHaveText(/^\d+$/);
  return Number(await figure.textContent());
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
  const officerSide = await openApp(browser, phone, 'petugas', 'petugas123');
  const officerContext = officerSide.context;
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
});

test('S1 S5: an application goes round: the officer submits offline, the office returns it with a comment on the income, the officer corrects it offline, the office approves, offers a unit and signs the lease; both devices and the server agree, and the dashboard counts the unit as occupied', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const officerSide = await openApp(browser, phone, 'petugas', 'petugas123');
  const officerContext = officerSide.context;
  const officer = officerSide.app;
  const siteName = 'Rusunawa Sadang Serang';
  const headName = `Rina Kartika ${stamp}`;
  const incomeComment = 'Slip gaji menunjukkan Rp 2.100.000, bukan Rp 1.500.000. Mohon diperbaiki.';

  // 1. The officer registers the household and submits, offline.
  await officerContext.setOffline(true);
  await officer.page.goto('/applications/new');
  const form = new ApplicationFormPage(officer.page);
  await form.expectStep(1, 'Kepala keluarga');
  // A woman born 12 March 1991 in Kota Bandung (32.73.01); the serial keeps runs apart.
  await form.fillHead({ name: headName, nik: `3273015203910${String(1 + (stamp % 999)).padStart(3, '0')}`, kk: '3273011203150099', birthDate: '1991-03-12', sex: 'Perempuan', maritalStatus: 'Kawin', phone: '081298765432' });
  await form.next();
  await form.expectStep(2, 'Anggota dan penghasilan');
  await form.fillHeadWork('Buruh pabrik', { kind: 'Formal (ada slip gaji)', amount: '1.500.000', period: 'per bulan' });
  await form.next();
  await form.expectStep(3, 'Tempat tinggal dan rusun');
  await form.fillHousing({ currentHousing: 'Sewa atau kontrak', currentAddress: `Jl. Babakan Siliwangi No. 3, Bandung (${stamp})`, hasLocalIdCard: 'Ya', ownsHouse: 'Tidak', site: siteName });
  await form.next();
  await form.expectStep(4, 'Dokumen');
  await form.next();
  await form.expectStep(5, 'Periksa dan ajukan');
  await form.submit();
  await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText(`Permohonan ${headName}`);
  const applicationId = decodeURIComponent(new URL(officer.page.url()).pathname.split('/').pop()!);
  await expect(officer.pendingCount()).not.toHaveText('0');
  await officerContext.setOffline(false);
  await syncNow(officer.page);

  // 2. The office, at its desk, finds it in the review queue and returns it with a comment on the income.
  const officeSide = await openApp(browser, desktop, 'kantor', 'kantor123');
  const office = officeSide.app;
  const occupiedBefore = await occupiedOnDashboard(office.page, siteName);
  await nav(office.page).getByRole('link', { name: 'Tinjauan' }).click();
  await expect(office.page.getByRole('heading', { level: 1, name: 'Tinjauan permohonan' })).toBeVisible();
  await office.page.getByRole('link', { name: headName, exact: true }).click();
  await expect(office.page.getByRole('heading', { level: 1, name: `Tinjau permohonan ${headName}` })).toBeVisible();
  await office.page.getByLabel('Komentar untuk Penghasilan kepala keluarga').fill(incomeComment);
  await office.page.getByRole('button', { name: 'Kembalikan untuk perbaikan' }).click();
  await expect(office.page.getByRole('status').filter({ hasText: 'dikembalikan' })).toBeVisible();
  await syncNow(office.page);

  // 3. The officer's phone receives it; offline again, she sees the comment beside the income and corrects it.
  await syncNow(officer.page);
  await officerContext.setOffline(true);
  await officer.page.goto(`/applications/${applicationId}`);
  await expect(officer.page.getByText('Dikembalikan untuk perbaikan').first()).toBeVisible();
  await officer.page.getByRole('link', { name: 'Perbaiki', exact: true }).click();
  const correction = new ApplicationFormPage(officer.page);
  const incomeGroup = officer.page.getByRole('group', { name: 'Penghasilan kepala keluarga' });
  // The office's note links straight to the step with the field.
  await officer.page.getByRole('button', { name: 'Buka langkah Anggota dan penghasilan' }).click();
  await expect(incomeGroup).toHaveAccessibleDescription(`Catatan kantor: ${incomeComment}`);
  await expect(incomeGroup.getByText(`Catatan kantor: ${incomeComment}`)).toBeVisible();
  await incomeGroup.getByLabel('Jumlah (Rp)').fill('2.100.000');
  const resubmit = officer.page.getByRole('button', { name: 'Ajukan ulang', exact: true });
  for (let step = 0; step < 5 && !(await resubmit.isVisible()); step++) await correction.next();
  await resubmit.click();
  await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText(`Permohonan ${headName}`);
  await expect(officer.page.getByText('Diajukan ulang').first()).toBeVisible();
  await officerContext.setOffline(false);
  await syncNow(officer.page);

  // 4. The office approves, offers a vacant unit, and the lease is signed.
  await syncNow(office.page);
  await office.page.reload();
  await expect(office.page.getByText('Diajukan ulang').first()).toBeVisible();
  await office.page.getByRole('button', { name: 'Setujui' }).click();
  await expect(office.page.getByRole('status').filter({ hasText: 'Permohonan disetujui.' })).toBeVisible();
  // The first vacant unit of the site, read once its line is drawn ("A-103 · 24 m² · …").
  const offered = office.page.getByRole('group', { name: /^Unit kosong di / }).locator('label').first();
  await expect(offered).toHaveText(/^[A-Z]-\d+ · /);
  const unitCode = (await offered.textContent())!;
  await offered.getByRole('radio').check();
  await office.page.getByRole('button', { name: 'Tawarkan unit' }).click();
  await expect(office.page.getByRole('status').filter({ hasText: 'Unit ditawarkan' })).toBeVisible();
  await office.page.getByRole('button', { name: 'Tanda tangani sewa' }).click();
  await expect(office.page.getByRole('status').filter({ hasText: 'Sewa ditandatangani' })).toBeVisible();
  await syncNow(office.page);
  await syncNow(officer.page);

  // 5. Both devices hold the same application, lease and unit, and so does the server.
  const application = await deviceRecord(office.page, 'applications', applicationId);
  expect(application).toMatchObject({ status: 'lease_signed' });
  const unitId = String(application!.offeredUnitId);
  expect(unitCode).toContain(String((await deviceRecord(office.page, 'units', unitId))!.code));
  const changes = await pullEverything(request, 'kantor', 'kantor123');
  const lease = [...latestRecords(changes, 'leases').values()].find((r) => r.applicationId === applicationId)!;
  expect(lease).toMatchObject({ unitId, status: 'active' });
  const serverApplication = latestRecords(changes, 'applications').get(applicationId)!;
  const serverUnit = latestRecords(changes, 'units').get(unitId)!;
  const serverHousehold = latestRecords(changes, 'households').get(String(serverApplication.householdId))!;
  expect(serverUnit.status).toBe('occupied');
  expect((serverHousehold.headIncome as { amount: number }).amount).toBe(2_100_000);
  for (const [store, id, onServer] of [
    ['applications', applicationId, serverApplication],
    ['leases', String(lease.id), lease],
    ['units', unitId, serverUnit],
    ['households', String(serverApplication.householdId), serverHousehold],
  ] as const) {
    const onOfficer = await deviceRecord(officer.page, store, id);
    const onOffice = await deviceRecord(office.page, store, id);
    expect(onOfficer, `${store} on the officer's phone`).toEqual(onOffice);
    expect(onOffice, `${store} on the office desktop`).toMatchObject(onServer as Record<string, unknown>);
  }
  await officer.page.reload();
  await expect(officer.page.getByText('Kontrak ditandatangani').first()).toBeVisible();

  // 6. The dashboard counts the unit as occupied from now on.
  expect(await occupiedOnDashboard(office.page, siteName)).toBe(occupiedBefore + 1);
});
