import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { OfficerApp } from './support/officer-app';
import { ApplicationFormPage, InspectionFormPage, OccupancyReportPage, cameraPhoto, type OccupancyEntry } from './support/field-forms';
import { pullEverything } from './support/server-api';
import { changesOf, downloadAttachment, latestRecords, signInToken } from './support/server-records';

const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  // Granting any permission denies the ones left out: background sync is named with GPS.
  permissions: ['geolocation', 'background-sync'],
  geolocation: { latitude: -6.8915, longitude: 107.6107, accuracy: 12 },
};

const siteName = 'Rusunawa Sadang Serang';
const unitCode = 'A-102';
const stamp = Date.now();
/** A woman born 5 December 2000 in Kota Bandung (32.73.01); the serial keeps runs apart. */
const nik = `3273014512000${String(1 + (stamp % 999)).padStart(3, '0')}`;
/** Markup in a name must be shown as typed, never run (issue 6). */
const headName = 'Siti <img src=x onerror="window.__xss=1"> Aminah';
const currentAddress = `Jl. Cikutra Gg. Mawar No. 7, RT 02/RW 05, Bandung (${stamp})`;
const inspectionNotes = `Pemeriksaan berkala, dinding retak dan atap bocor ${stamp}`;
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);
const monthLabel = new Intl.DateTimeFormat('id', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The officer closes the app (the page goes away) and opens it again at `path`: offline, the service worker starts it. */
async function reopenApp(context: BrowserContext, officer: OfficerApp, path: string): Promise<OfficerApp> {
  await officer.page.close();
  const page = await context.newPage();
  const start = await page.goto(path);
  expect(start?.fromServiceWorker()).toBe(true);
  return new OfficerApp(page);
}

async function openHome(page: Page) {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

/** The head's name is on screen as the very characters typed, and its markup made no element and ran nothing. */
async function expectNameShownAsText(page: Page) {
  await expect(page.getByText(headName).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => typeof (window as unknown as { __xss?: unknown }).__xss)).toBe('undefined');
}

test('S1 S5 S10 S23: a field day on a phone, offline from sign-in: a household applies with its KTP photo, a unit is inspected with two problems and photos, the month’s report is filed, the app is closed and reopened between steps; online again, every record and photo reaches the server exactly once', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext(phone);
  try {
    let officer = new OfficerApp(await context.newPage());

    // Online once: sign in, let the region's data arrive and the service worker take control.
    await officer.signIn('petugas', 'petugas123');
    await expect(officer.unitLink(unitCode, siteName)).toBeVisible();
    await officer.waitForServiceWorkerControl();
    const ktpPhoto = await cameraPhoto(officer.page, 'KTP Siti Aminah', '#1d4e89');
    const wallPhoto = await cameraPhoto(officer.page, 'Dinding retak', '#7a3b12');
    const roofPhoto = await cameraPhoto(officer.page, 'Atap bocor', '#2f6b2f');

    // From here until the evening, no network at all.
    await context.setOffline(true);

    // 1. A household registers and applies, with a photo of the head's KTP.
    await openHome(officer.page);
    await expect(officer.page.getByText('Luring')).toBeVisible();
    await officer.page.getByRole('navigation', { name: 'Pintasan' }).getByRole('link', { name: 'Pendaftaran baru' }).click();
    await expect(officer.page.getByRole('heading', { level: 1, name: 'Pendaftaran baru' })).toBeVisible();
    let form = new ApplicationFormPage(officer.page);
    await form.expectStep(1, 'Kepala keluarga');
    await form.fillHead({ name: headName, nik, kk: '3273011203150007', birthDate: '2000-12-05', sex: 'Perempuan', maritalStatus: 'Kawin', phone: '081234567890' });
    // The NIK agrees with the birth date and sex: no warning.
    await expect(officer.page.getByText('NIK tidak cocok', { exact: false })).toHaveCount(0);
    await form.next();

    await form.expectStep(2, 'Anggota dan penghasilan');
    await form.fillHeadWork('Pedagang sayur', { kind: 'Informal (menurut pengakuan)', amount: '1.500.000', period: 'per bulan' });
    await form.addMember(1, { name: 'Rina Aminah', relationship: 'Anak', age: '8', income: { kind: 'Tidak berpenghasilan' } });
    await expect(officer.page.getByText(/^Penghasilan rumah tangga: Rp\s1\.500\.000 per bulan$/)).toBeVisible();
    await form.next();

    await form.expectStep(3, 'Tempat tinggal dan rusun');
    await form.fillHousing({
      currentHousing: 'Sewa atau kontrak',
      currentAddress,
      hasLocalIdCard: 'Ya',
      ownsHouse: 'Tidak',
      site: siteName,
      statement: 'Kontrakan akan dijual pemiliknya bulan depan.',
    });
    await form.next();

    await form.expectStep(4, 'Dokumen');
    await form.addDocumentPhoto('Foto KTP', ktpPhoto);
    await expect(officer.page).toHaveURL(/\/applications\/new\?draft=/);

    // Called away before finishing: the unfinished form waits on home, and the app is closed.
    await openHome(officer.page);
    const unfinished = officer.page.getByRole('region', { name: /^Formulir belum selesai/ });
    await expect(unfinished.getByRole('link', { name: headName, exact: true })).toBeVisible();
    await expectNameShownAsText(officer.page);
    officer = await reopenApp(context, officer, '/');
    await expect(officer.page.getByText('Luring')).toBeVisible();
    await officer.page.getByRole('region', { name: /^Formulir belum selesai/ }).getByRole('link', { name: headName, exact: true }).click();

    form = new ApplicationFormPage(officer.page);
    await form.expectStep(4, 'Dokumen');
    await expect(officer.page.getByText(/^Melanjutkan isian yang tersimpan di perangkat/)).toBeVisible();
    await expect(officer.page.getByRole('img', { name: 'Foto KTP, foto 1' })).toBeVisible();
    await form.next();

    await form.expectStep(5, 'Periksa dan ajukan');
    await expect(officer.page.getByText('Memenuhi syarat', { exact: true })).toBeVisible();
    await expect(officer.page.getByText('1 foto', { exact: true })).toBeVisible();
    await expectNameShownAsText(officer.page);
    await form.submit();

    await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText(`Permohonan ${headName}`);
    await expectNameShownAsText(officer.page);
    const applicationUrl = new URL(officer.page.url()).pathname;
    const applicationId = decodeURIComponent(applicationUrl.split('/').pop()!);
    const history = officer.page.getByRole('region', { name: 'Riwayat status' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem').first()).toContainText('Diajukan');
    await expect(officer.page.getByRole('region', { name: 'Dokumen' }).getByRole('img', { name: 'Foto KTP' })).toBeVisible();
    await expect(officer.page.getByText('Belum terkirim', { exact: true })).toBeVisible();
    const householdHref = await officer.page.getByRole('link', { name: 'Lihat data rumah tangga' }).getAttribute('href');
    const householdId = decodeURIComponent(householdHref!.split('/').pop()!);

    // 2. The app is closed and opened again; a unit is inspected: two problems, each with a photo.
    officer = await reopenApp(context, officer, '/units');
    await expect(officer.page.getByRole('heading', { name: 'Unit di wilayah saya' })).toBeVisible();
    await officer.openUnit(unitCode, siteName);
    const unitUrl = new URL(officer.page.url()).pathname;
    const inspection = new InspectionFormPage(officer.page);
    await inspection.open();
    await officer.page.getByLabel('Kondisi').selectOption('2');
    await officer.page.getByLabel('Catatan').fill(inspectionNotes);
    await inspection.takeLocation(12);
    await inspection.rate('Dinding', 2);
    await inspection.reportProblem('Dinding', {
      severity: 'severe',
      description: 'Retak memanjang di dinding kamar tidur',
      repairAction: 'Tambal retakan dan cat ulang',
      photo: wallPhoto,
    });
    await expect(inspection.item('Dinding').getByText(/Batas perbaikan: .* \(7 hari\)/)).toBeVisible();
    await inspection.rate('Lantai', 4);
    await inspection.rate('Atap', 1);
    await inspection.reportProblem('Atap', {
      severity: 'life_threatening',
      description: 'Rangka atap melendut di atas unit',
      repairAction: 'Kosongkan unit di bawahnya, ganti rangka',
      photo: roofPhoto,
    });
    await expect(inspection.item('Atap').getByText(/Batas perbaikan: .* \(1 hari\)/)).toBeVisible();
    await inspection.save();

    const recorded = officer.inspectionItem(inspectionNotes);
    await expect(recorded.getByText('3 item dinilai · Masalah: 1 mengancam jiwa, 1 berat · Lokasi ± 12 m')).toBeVisible();
    await expect(recorded.getByRole('img', { name: 'Dinding, foto 1' })).toBeVisible();
    await expect(recorded.getByRole('img', { name: 'Atap, foto 1' })).toBeVisible();
    await expect(recorded.getByText('Belum tersinkron')).toBeVisible();

    // 3. Closed and opened again: the month's occupancy report, saved as a draft, reopened, submitted.
    officer = await reopenApp(context, officer, '/');
    const reports = officer.page.getByRole('region', { name: new RegExp(`^Laporan hunian ${monthLabel}`) });
    // Sadang Serang's report, unless a spec before this one filed it already: then another site's not yet made.
    const notStarted = reports.getByRole('listitem').filter({ hasText: 'Belum dibuat' });
    await expect(notStarted.first()).toBeVisible();
    const reportSite = (await notStarted.filter({ hasText: siteName }).count()) > 0 ? siteName : (await notStarted.first().getByRole('link').textContent())!;
    await notStarted.getByRole('link', { name: reportSite, exact: true }).click();
    await expect(officer.page.getByRole('heading', { level: 1, name: `Laporan hunian ${monthLabel}` })).toBeVisible();
    await expect(officer.page.getByText('Status laporan: belum dibuat')).toBeVisible();
    const reportUrl = new URL(officer.page.url()).pathname;
    expect(reportUrl).toMatch(new RegExp(`^/sites/[^/]+/reports/${month}$`));
    const siteId = decodeURIComponent(reportUrl.split('/')[2]!);
    let report = new OccupancyReportPage(officer.page);
    const entry: OccupancyEntry = { occupied: true, occupants: '4', arrearsMonths: '1', arrearsAmount: '350000', issues: 'Atap bocor, lihat pemeriksaan hari ini' };
    const reportUnitCode = await report.firstUnitCode();
    await report.fillUnit(reportUnitCode, entry);
    await report.saveDraft();
    await expect(officer.page.getByText('Status laporan: draf')).toBeVisible();

    officer = await reopenApp(context, officer, reportUrl);
    report = new OccupancyReportPage(officer.page);
    await expect(officer.page.getByText('Status laporan: draf')).toBeVisible();
    await report.expectUnit(reportUnitCode, entry);
    await report.reviewAndSubmit();
    await expect(officer.page.getByText('Status laporan: dikirim')).toBeVisible();
    await expect(officer.page.getByText('Belum terkirim', { exact: true })).toBeVisible();

    // Nothing of the day has reached the server yet.
    const beforeSync = await pullEverything(request, 'petugas', 'petugas123');
    const ofTheDay = (c: (typeof beforeSync)[number]) =>
      c.recordId === householdId ||
      c.recordId === applicationId ||
      c.record.householdId === householdId ||
      c.record.notes === inspectionNotes ||
      (c.entity === 'occupancyReports' && c.record.siteId === siteId && c.record.month === month);
    expect(beforeSync.filter(ofTheDay)).toEqual([]);
    await expect(officer.pendingCount()).not.toHaveText('0');

    // 4. Evening: the network is back. Nobody presses anything.
    await context.setOffline(false);
    await expect(officer.pendingCount()).toHaveText('0', { timeout: 30_000 });
    // The report stays as the officer left it: submitted (its draft and its submission were both sent).
    await expect(officer.page.getByText('Status laporan: dikirim')).toBeVisible();
    await expect(officer.page.getByText('Terkirim', { exact: true })).toBeVisible();
    await expect(officer.page.getByText('Belum terkirim', { exact: true })).toHaveCount(0);

    // Every record says so on the device, photos' bytes included (S23).
    await officer.page.goto(applicationUrl);
    await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText(`Permohonan ${headName}`);
    await expect(officer.page.getByText('Terkirim', { exact: true })).toBeVisible();
    await expectNameShownAsText(officer.page);
    await officer.page.getByRole('link', { name: 'Lihat data rumah tangga' }).click();
    await expect(officer.page.getByRole('heading', { level: 1 })).toHaveText(`${headName} · Rumah tangga`);
    // The household's own badge (its KTP photo counts) and its application's.
    await expect(officer.page.getByText('Terkirim', { exact: true })).toHaveCount(2);
    await expectNameShownAsText(officer.page);
    await officer.page.goto(unitUrl);
    await expect(officer.inspectionItem(inspectionNotes).getByText('Terkirim', { exact: true })).toBeVisible();
    await expect(officer.pendingCount()).toHaveText('0');

    // 5. Through the API: each record once, as entered, and each photo's bytes as hashed on the phone.
    const changes = await pullEverything(request, 'petugas', 'petugas123');
    const token = await signInToken(request, 'petugas', 'petugas123');

    const households = [...latestRecords(changes, 'households').values()].filter((r) => r.headNik === nik);
    expect(households).toHaveLength(1);
    expect(changesOf(changes, 'households', householdId)).toHaveLength(1);
    expect(households[0]).toMatchObject({
      id: householdId,
      headName,
      headNik: nik,
      kkNumber: '3273011203150007',
      birthDate: '2000-12-05',
      sex: 'female',
      maritalStatus: 'married',
      phone: '081234567890',
      currentHousing: 'renting',
      currentAddress,
      hasLocalIdCard: true,
      ownsHouse: false,
      headOccupation: 'Pedagang sayur',
      headIncome: { kind: 'informal', amount: 1_500_000, period: 'monthly' },
      members: [expect.objectContaining({ name: 'Rina Aminah', relationship: 'child', age: 8, nik: null, income: null })],
      deleted: false,
    });

    const applications = [...latestRecords(changes, 'applications').values()].filter((r) => r.householdId === householdId);
    expect(applications).toHaveLength(1);
    expect(changesOf(changes, 'applications', applicationId)).toHaveLength(1);
    expect(applications[0]).toMatchObject({ id: applicationId, siteId: expect.any(String), status: 'submitted', statement: 'Kontrakan akan dijual pemiliknya bulan depan.', deleted: false });
    const site = [...latestRecords(changes, 'sites').values()].find((r) => r.name === siteName);
    expect(applications[0]!.siteId).toBe(site?.id);

    const events = [...latestRecords(changes, 'applicationEvents').values()].filter((r) => r.applicationId === applicationId);
    expect(events).toHaveLength(1);
    expect(changesOf(changes, 'applicationEvents', events[0]!.id as string)).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'submitted', actorId: applications[0]!.createdBy });

    const units = [...latestRecords(changes, 'units').values()];
    const unit = units.find((r) => r.siteId === site!.id && r.code === unitCode);
    expect(unit).toBeDefined();
    const inspections = [...latestRecords(changes, 'inspections').values()].filter((r) => r.notes === inspectionNotes);
    expect(inspections).toHaveLength(1);
    const inspectionId = inspections[0]!.id as string;
    expect(changesOf(changes, 'inspections', inspectionId)).toHaveLength(1);
    expect(inspections[0]).toMatchObject({
      unitId: unit!.id,
      type: 'periodic',
      inspectedOn: today,
      conditionRating: 2,
      latitude: -6.8915,
      longitude: 107.6107,
      gpsAccuracyM: 12,
      deleted: false,
    });
    const checklist = inspections[0]!.checklist as { key: string }[];
    expect(checklist).toHaveLength(3);
    expect(checklist).toEqual(
      expect.arrayContaining([
        {
          key: 'unit.walls',
          rating: 2,
          problem: { severity: 'severe', description: 'Retak memanjang di dinding kamar tidur', repairAction: 'Tambal retakan dan cat ulang', dueDate: addDays(today, 7), resolvedOn: null },
        },
        { key: 'unit.floor', rating: 4, problem: null },
        {
          key: 'building.roof',
          rating: 1,
          problem: { severity: 'life_threatening', description: 'Rangka atap melendut di atas unit', repairAction: 'Kosongkan unit di bawahnya, ganti rangka', dueDate: addDays(today, 1), resolvedOn: null },
        },
      ]),
    );

    const reportsOnServer = [...latestRecords(changes, 'occupancyReports').values()].filter((r) => r.siteId === siteId && r.month === month);
    expect(reportsOnServer).toHaveLength(1);
    expect(reportsOnServer[0]).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), deleted: false });
    const rows = reportsOnServer[0]!.rows as { unitId: string }[];
    const reportUnit = units.find((r) => r.siteId === siteId && r.code === reportUnitCode);
    expect(reportUnit).toBeDefined();
    expect(rows.filter((row) => row.unitId === reportUnit!.id)).toEqual([
      { unitId: reportUnit!.id, occupied: true, occupants: 4, arrearsMonths: 1, arrearsAmount: 350_000, issues: 'Atap bocor, lihat pemeriksaan hari ini' },
    ]);
    expect(new Set(rows.map((row) => row.unitId)).size).toBe(rows.length);

    // Nothing the officer entered lost to a conflict: each change merged whole (S13, S14).
    const reportId = reportsOnServer[0]!.id as string;
    const recordIds = new Set([householdId, applicationId, events[0]!.id, inspectionId, reportId]);
    expect([...latestRecords(changes, 'conflicts').values()].filter((c) => recordIds.has(c.recordId as string))).toEqual([]);

    const owners = new Set([householdId, applicationId, inspectionId]);
    const attachments = [...latestRecords(changes, 'attachments').values()].filter((r) =>
      [r.householdId, r.applicationId, r.inspectionId].some((owner) => owners.has(owner as string)),
    );
    expect(attachments.map((a) => [a.householdId, a.inspectionId, a.kind, a.itemKey]).sort()).toEqual(
      [
        [householdId, null, 'id_card', null],
        [null, inspectionId, 'inspection_photo', 'building.roof'],
        [null, inspectionId, 'inspection_photo', 'unit.walls'],
      ].sort(),
    );
    expect(new Set(attachments.map((a) => a.sha256)).size).toBe(3);
    for (const attachment of attachments) {
      expect(changesOf(changes, 'attachments', attachment.id as string)).toHaveLength(1);
      // The camera's 2000 × 1500 photo was kept at 1600 px on its long side.
      expect(attachment).toMatchObject({ mimeType: 'image/jpeg', width: 1600, height: 1200, deleted: false });
      const served = await downloadAttachment(request, token, attachment.sha256 as string);
      expect(served).toEqual({ status: 200, contentType: 'image/jpeg', byteSize: attachment.byteSize, sha256: attachment.sha256 });
    }
  } finally {
    await context.close();
  }
});
