import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { BrowserApp, deviceForChecks, outboxCount, phone, signInThroughUi, withHooks } from '../browser/browser-app';
import { quotaFaultScript } from '../browser/page-hooks-bundle';
import { type FaultScenario, waitFor } from '../fault-scenario';
import { beginRun, runChecks } from '../run-checks';

/** A photo as a phone camera hands it over (larger than the app keeps), drawn in the page. */
async function cameraPhoto(page: Page, caption: string, hue: number) {
  const base64 = await page.evaluate(
    ([caption, hue]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 2000;
      canvas.height = 1500;
      const context = canvas.getContext('2d')!;
      context.fillStyle = `hsl(${hue} 60% 45%)`;
      context.fillRect(0, 0, canvas.width, canvas.height);
      // Noise, so that the JPEG is a few hundred KB like a real photo, not a flat colour.
      for (let i = 0; i < 4000; i++) {
        context.fillStyle = `hsl(${(hue + i) % 360} 70% ${20 + (i % 60)}%)`;
        context.fillRect((i * 7919) % 2000, (i * 104729) % 1500, 30, 30);
      }
      context.fillStyle = '#fff';
      context.font = 'bold 120px sans-serif';
      context.fillText(caption, 200, 750);
      return canvas.toDataURL('image/jpeg', 0.92).split(',')[1]!;
    },
    [caption, hue] as const,
  );
  return { name: `${caption.replace(/\W+/g, '-')}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

interface DeviceState {
  inspections: { id: string; notes: string; version: number }[];
  attachments: { id: string; inspectionId: string | null; sha256: string; version: number }[];
  blobs: { sha256: string; uploadState: string; blobSize: number | null }[];
  outbox: { recordId: string; entity: string; op: string }[];
}

async function deviceState(page: Page): Promise<DeviceState> {
  const stores = await (await withHooks(page)).evaluate(() => window.hunianFaults!.dump());
  return {
    inspections: stores.inspections as DeviceState['inspections'],
    attachments: stores.attachments as DeviceState['attachments'],
    blobs: stores.attachmentBlobs as DeviceState['blobs'],
    outbox: stores.mutations as DeviceState['outbox'],
  };
}

/**
 * What was saved is whole: an inspection and each of its photos' records have their outbox entry
 * (or are on the server), each attachment record names a live inspection and has its bytes, and
 * no outbox entry names a record the device does not hold.
 */
function consistency(state: DeviceState): string[] {
  const problems: string[] = [];
  const waiting = new Set(state.outbox.map((e) => `${e.entity}/${e.recordId}`));
  const inspections = new Set(state.inspections.map((i) => i.id));
  const blobs = new Set(state.blobs.filter((b) => b.blobSize !== null).map((b) => b.sha256));
  for (const i of state.inspections) if (i.version === 0 && !waiting.has(`inspections/${i.id}`)) problems.push(`inspection ${i.id} saved with nothing in the outbox to send it`);
  for (const a of state.attachments) {
    // Photos already on the server came down as records only: their bytes stay on the server.
    if (a.version > 0) continue;
    if (!waiting.has(`attachments/${a.id}`)) problems.push(`photo record ${a.id} saved with nothing in the outbox to send it`);
    if (a.inspectionId && !inspections.has(a.inspectionId)) problems.push(`photo record ${a.id} names inspection ${a.inspectionId}, which the device does not hold`);
    if (!blobs.has(a.sha256)) problems.push(`photo record ${a.id} has no bytes on the device (${a.sha256.slice(0, 12)})`);
  }
  const held = new Set([...state.inspections.map((i) => `inspections/${i.id}`), ...state.attachments.map((a) => `attachments/${a.id}`)]);
  for (const e of state.outbox) if (e.op === 'upsert' && (e.entity === 'inspections' || e.entity === 'attachments') && !held.has(`${e.entity}/${e.recordId}`)) problems.push(`the outbox sends ${e.entity}/${e.recordId}, which the device does not hold`);
  return problems;
}

/** Words that tell a person the phone is full, in the app's language (Indonesian by default). */
const storageFullWords = /penyimpanan[^.]*penuh|ruang penyimpanan|storage is full/i;

/**
 * IndexedDB quota exhausted while saving a record with photos. An officer records an inspection
 * offline with a problem and photos of it; the phone runs out of space at a random point (while a
 * photo's bytes are stored, or the inspection, or its photos' records, or a draft). The person
 * must be told plainly that the phone is full; whatever was saved must hold together; and once
 * space is freed, saving again must finish the job, with nothing recorded twice, and everything
 * must reach the server, photos included.
 */
export const quotaExhausted: FaultScenario<BrowserApp> = {
  id: 'quota-exhausted',
  title: 'IndexedDB quota exhausted while saving a record with photos',
  setUp: () => BrowserApp.shared(),
  tearDown: async () => {},

  async run(app, { run, random, log, sabotage }) {
    const server = app.server;
    const { rowsBefore, saved } = beginRun(server);
    const context = await app.browser.newContext(phone);
    await context.addInitScript({ content: await quotaFaultScript() });
    try {
      const page = await context.newPage();
      await signInThroughUi(page, app.baseUrl);
      const unitId = await page.evaluate(async () => {
        const stores = await window.hunianFaults!.dump();
        return (stores.units as { id: string; code: string }[]).sort((a, b) => a.code.localeCompare(b.code))[0]!.id;
      });
      await context.setOffline(true);
      server.proxy.setNetworkDown(true);

      await page.goto(`${app.baseUrl}/units/${unitId}/inspections/new`);
      await page.getByRole('heading', { name: 'Pemeriksaan baru' }).waitFor();
      const photos = random.int(1, 3);
      const files: Awaited<ReturnType<typeof cameraPhoto>>[] = [];
      for (let i = 0; i < photos; i++) files.push(await cameraPhoto(page, `run ${run} foto ${i + 1}`, random.int(0, 359)));
      // Where the phone fills up: while the photos' bytes are stored (each a few hundred KB), or
      // in the middle of the save itself (the inspection, the device's seq, the outbox entries,
      // each photo's record: a few KB in all), so that a save can stop half done.
      const during = random.weighted({ photos: 1, save: 2 });
      const budget = during === 'photos' ? random.int(0, photos * 350_000) : random.int(0, 3_000);
      const arm = () =>
        page.evaluate((b) => {
          window.hunianQuota!.budget = b;
          window.hunianQuota!.used = 0;
        }, budget);
      if (during === 'photos') await arm();

      const notes = `quota-exhausted run ${run} ${Date.now()}`;
      const rating = random.int(1, 5);
      await page.getByLabel('Kondisi', { exact: true }).selectOption(String(rating));
      await page.getByLabel('Catatan', { exact: true }).fill(notes);
      const item = page.getByRole('group', { name: 'Dinding', exact: true });
      await page.getByLabel('Dinding', { exact: true }).selectOption(String(random.int(1, 3)));
      await item.getByLabel('Ada masalah').check();
      await item.getByLabel('Tingkat keparahan').selectOption('moderate');
      await item.getByLabel('Uraian masalah').fill('Retak rambut di dinding kamar');
      await item.getByLabel('Tindakan perbaikan').fill('Tambal dan cat ulang');
      const failures: string[] = [];
      const refusedSoFar = () => page.evaluate(() => window.hunianQuota!.refused.length);
      const shownPhotos = async () => item.getByRole('img').count();
      /**
       * Chooses a photo and waits for it to show, or for the field to say why not. A photo the
       * phone had no room for must say so in plain words, at once, beside the field.
       */
      const choosePhoto = async (file: (typeof files)[number]) => {
        const before = await shownPhotos();
        const refusedBefore = await refusedSoFar();
        await item.getByLabel('Foto masalah', { exact: true }).setInputFiles(file);
        const problem = item.locator('.field__problem');
        await waitFor(async () => (await shownPhotos()) > before || (await problem.count()) > 0, 15_000);
        if ((await shownPhotos()) > before) return true;
        const said = (await problem.allTextContents()).join(' ');
        if ((await refusedSoFar()) > refusedBefore && !storageFullWords.test(said)) failures.push(`a photo the phone had no room for was refused with: ${JSON.stringify(said)}`);
        return false;
      };
      const notKept: typeof files = [];
      for (const file of files) if (!(await choosePhoto(file))) notKept.push(file);
      if (during === 'save') await arm();
      const refusedBeforeSave = await refusedSoFar();
      await page.getByRole('button', { name: 'Simpan', exact: true }).click();
      const savedAtOnce = await waitFor(() => !page.url().includes('/inspections/new'), 3_000);
      const { refused, used } = await page.evaluate(() => ({ refused: window.hunianQuota!.refused, used: window.hunianQuota!.used }));
      if (!savedAtOnce && refused.length > refusedBeforeSave) {
        // The save itself ran out of room: the form's own alert must say that in plain words.
        const alert = page.locator('form > [role=alert]');
        await alert.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
        const said = (await alert.allTextContents()).join(' ');
        if (!storageFullWords.test(said)) failures.push(`saving ran out of room (refused: ${[...new Set(refused.slice(refusedBeforeSave))].join(', ')}), and the form says: ${JSON.stringify(said)}`);
      }

      const atFault = await deviceState(page);
      const inconsistent = consistency(atFault);

      // The person frees space and finishes: the photos that did not fit are chosen again, and
      // the form saved (or, if the inspection was saved without them, opened again to add them).
      await page.evaluate(() => {
        window.hunianQuota!.budget = Infinity;
      });
      if (savedAtOnce && notKept.length > 0) {
        const id = (await deviceState(page)).inspections.find((i) => i.notes === notes)?.id;
        if (id) {
          await page.goto(`${app.baseUrl}/units/${unitId}/inspections/${id}/edit`);
          await item.getByLabel('Foto masalah', { exact: true }).waitFor();
        } else failures.push('the form left as saved, but the inspection is not on the device');
      }
      if (!savedAtOnce || notKept.length > 0) {
        for (const file of notKept) if (!(await choosePhoto(file))) failures.push(`with space freed, the photo ${file.name} still could not be added`);
        await page.getByRole('button', { name: 'Simpan', exact: true }).click();
        if (!(await waitFor(() => !/\/inspections\/(new|[^/]+\/edit)/.test(page.url()), 10_000))) failures.push('with space freed, saving again did not succeed');
      }

      if (sabotage) {
        // Self-test: the bytes of a recorded photo vanish from the phone before they were sent.
        await page.evaluate(() => new Promise<void>((resolve) => {
          const open = indexedDB.open('hunian');
          open.onsuccess = () => {
            const tx = open.result.transaction('attachmentBlobs', 'readwrite');
            tx.objectStore('attachmentBlobs').clear();
            tx.oncomplete = () => resolve();
          };
        }));
      }

      // Back online: the inspection, its photo records and their bytes go to the server.
      server.proxy.setNetworkDown(false);
      await context.setOffline(false);
      await withHooks(page);
      const drained = await waitFor(async () => {
        await page.evaluate(() => window.hunianFaults!.syncViaWorker(5_000));
        const state = await deviceState(page);
        return (await outboxCount(page)) === 0 && state.blobs.every((b) => b.uploadState === 'uploaded');
      }, 30_000, 300);
      if (!drained) failures.push('online again, the inspection or its photos were still not sent after 30 s');

      const final = await deviceState(page);
      const mine = final.inspections.filter((i) => i.notes === notes);
      if (mine.length !== 1) failures.push(`the inspection is on the device ${mine.length} times`);
      const inspection = mine[0];
      const photoRecords = inspection ? final.attachments.filter((a) => a.inspectionId === inspection.id) : [];
      if (photoRecords.length !== photos) failures.push(`the inspection has ${photoRecords.length} photo records, ${photos} photos were taken`);
      if (new Set(photoRecords.map((a) => a.sha256)).size !== photoRecords.length) failures.push('a photo is recorded twice');
      if (inspection) saved.noteSaved('inspections', inspection.id, { notes, conditionRating: rating }, 'the phone');
      for (const a of photoRecords) saved.noteSaved('attachments', a.id, { inspectionId: a.inspectionId, sha256: a.sha256 }, 'the phone');
      const attachmentsDir = path.join(path.dirname(server.dbPath), 'attachments');
      for (const a of photoRecords) {
        const file = path.join(attachmentsDir, a.sha256.slice(0, 2), a.sha256);
        if (!fs.existsSync(file) || createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== a.sha256) failures.push(`photo ${a.sha256.slice(0, 12)} is not whole on the server`);
      }

      const device = await deviceForChecks(page, 'the phone');
      const sqlite = server.openReader();
      try {
        const checked = await runChecks({ sqlite, baseUrl: server.baseUrl, devices: [device], ledger: server.proxy.ledger, saved, rowsBefore });
        checked.checks.push({ name: 'what was saved when storage ran out holds together', failures: inconsistent, countsAsLoss: true });
        checked.checks.push({ name: 'a plain message, and saving again once space is freed finishes the job', failures, countsAsLoss: failures.some((f) => f.includes('not whole') || f.includes('photo records')) });
        const where = refused.length === 0 ? 'nothing refused (it all fit)' : `refused: ${[...new Set(refused)].join(', ')}`;
        const note = `${photos} photos, full during the ${during}: ${used} of ${budget} bytes written; ${where}; ${notKept.length} photos refused; ${savedAtOnce ? 'saved at once' : 'saved on the retry'}`;
        log(note);
        return { ...checked, writes: saved.writes, note };
      } finally {
        sqlite.close();
        device.db.close();
      }
    } finally {
      server.proxy.setNetworkDown(false);
      await context.close();
    }
  },
};
