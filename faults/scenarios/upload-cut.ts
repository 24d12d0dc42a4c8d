import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storePhotoBlob } from '../../worker/attachment-store';
import type { AttachmentBlobRow } from '../../worker/attachment-uploads';
import type { SimDevice } from '../../worker/fuzz/sim-device';
import { saveRecord } from '../../worker/local-writes';
import { syncOnce } from '../../worker/sync-engine';
import type { FaultScenario } from '../fault-scenario';
import { nodeDevice, syncUntilQuiet } from '../node-device';
import { beginRun, runChecks } from '../run-checks';
import { ServerUnderTest } from '../server-under-test';
import { SavedWrites } from '../user-writes';
import type { Random } from '../../worker/fuzz/random';

/** An inspection with photos, saved as the app does: the bytes, the inspection, then one attachment record per photo. */
async function inspectWithPhotos(device: SimDevice, saved: SavedWrites, random: Random, photos: number, tag: string): Promise<string[]> {
  const unit = random.pick((await device.db.units.toArray()).sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id)));
  const hashes: string[] = [];
  for (let i = 0; i < photos; i++) {
    const bytes = randomBytes(random.int(20, 400) * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await storePhotoBlob(device.db, new Blob([bytes], { type: 'image/jpeg' }), { sha256, mimeType: 'image/jpeg' });
    hashes.push(sha256);
  }
  const fields = {
    regionId: unit.regionId,
    unitId: unit.id,
    type: 'periodic' as const,
    inspectedOn: '2026-11-24',
    conditionRating: random.int(1, 5),
    notes: tag,
    inspectorId: device.session.user.id,
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist: [],
  };
  const inspection = await saveRecord(device.db, 'inspections', undefined, fields);
  if (!inspection.ok) throw new Error(`inspection refused locally: ${JSON.stringify(inspection.problems)}`);
  saved.noteSaved('inspections', inspection.id, fields, device.label);
  for (const sha256 of hashes) {
    const blob = (await device.db.attachmentBlobs.get(sha256))!;
    const attachment = {
      regionId: unit.regionId,
      householdId: null,
      applicationId: null,
      inspectionId: inspection.id,
      itemKey: null,
      kind: 'inspection_photo' as const,
      sha256,
      mimeType: 'image/jpeg' as const,
      byteSize: blob.byteSize,
      width: 1600,
      height: 1200,
      capturedAt: new Date().toISOString(),
    };
    const result = await saveRecord(device.db, 'attachments', undefined, attachment);
    if (!result.ok) throw new Error(`attachment refused locally: ${JSON.stringify(result.problems)}`);
    saved.noteSaved('attachments', result.id, attachment, device.label);
  }
  return hashes;
}

/**
 * The network cut in the middle of an attachment upload: photos go up after their records
 * (S23), a few hundred KB each; the connection drops after a random number of bytes of one of
 * them, on the way up (the server gets part of the body) or on the way back (the server has it
 * all, the phone never hears). The server must keep no partial file, the phone must keep the
 * bytes and send them again at the next round (and only those not yet acknowledged), and in the
 * end every photo must be on the server, whole.
 */
export const uploadCut: FaultScenario<ServerUnderTest> = {
  id: 'upload-cut',
  title: 'network cut in the middle of an attachment upload',
  setUp: () => ServerUnderTest.shared(),
  tearDown: async () => {},

  async run(server, { seed, random, log, sabotage }) {
    const { rowsBefore, saved } = beginRun(server);
    const phone = await nodeDevice(0, seed, server.baseUrl, { username: 'petugas', password: 'petugas123' });
    await syncOnce(phone.store, phone.transport);

    const hashes: string[] = [];
    for (let i = random.int(1, 2); i > 0; i--) hashes.push(...(await inspectWithPhotos(phone, saved, random, random.int(1, 3), `upload-cut ${seed} inspection ${i}`)));
    const cutAt = random.int(1, hashes.length);
    const direction = random.weighted({ request: 3, response: 1 });
    const atFraction = random.next();
    let uploads = 0;
    const cut = server.proxy.arm({ matches: (method, url) => method === 'PUT' && url.startsWith('/api/attachments/') && ++uploads === cutAt, direction, atFraction });
    const logStart = server.proxy.log.length;
    const first = await syncOnce(phone.store, phone.transport);
    server.proxy.disarm();

    const failures: string[] = [];
    const report = uploads >= cutAt ? await cut : undefined;
    if (!report) failures.push(`only ${uploads} uploads were made, fewer than the ${cutAt} needed for the cut`);
    const cutSha = report?.request.url.split('/').pop()?.split('?')[0] ?? '';
    // Cut on the way up, the server has nothing whole: the round must fail. Cut on the way back,
    // the server has the bytes; once its status line arrived, the phone may rightly count them sent.
    const heardStatus = direction === 'response' && (report?.atByte ?? 0) > 0;
    if (report && first.ok && !heardStatus) failures.push(`the round whose upload was cut at byte ${report.atByte} of ${report.ofBytes} (${direction}) reported success`);
    const file = (sha256: string) => path.join(path.dirname(server.dbPath), 'attachments', sha256.slice(0, 2), sha256);
    const wholeOnServer = (sha256: string) => fs.existsSync(file(sha256)) && createHash('sha256').update(fs.readFileSync(file(sha256))).digest('hex') === sha256;
    if (report && fs.existsSync(file(cutSha)) && !wholeOnServer(cutSha)) failures.push(`the server kept a partial file for ${cutSha.slice(0, 12)}`);
    if (report && direction === 'request' && fs.existsSync(file(cutSha))) failures.push(`the server kept a file for ${cutSha.slice(0, 12)} after receiving ${report.atByte} of ${report.ofBytes} bytes`);
    const row = (await phone.db.attachmentBlobs.get(cutSha)) as AttachmentBlobRow | undefined;
    if (report && (!row || (row.uploadState !== 'pending' && !heardStatus) || row.refusal)) failures.push(`after the cut the phone's bytes of ${cutSha.slice(0, 12)} are ${row ? `${row.uploadState}${row.refusal ? ` refused ${row.refusal.code}` : ''}` : 'gone'}`);

    if (sabotage) {
      // An engine that marks bytes sent when the connection merely closed.
      await phone.db.attachmentBlobs.update(cutSha, { uploadState: 'uploaded' });
    }

    const resumeStart = server.proxy.log.length;
    await syncOnce(phone.store, phone.transport);
    const { stuck, redownloads } = await syncUntilQuiet([phone]);
    const answeredBefore = new Set(
      server.proxy.log.slice(logStart, resumeStart).filter((r) => r.method === 'PUT' && r.outcome === 'answered' && r.status === 200).map((r) => r.url),
    );
    const sentAgain = server.proxy.log.slice(resumeStart).filter((r) => r.method === 'PUT' && answeredBefore.has(r.url)).length;
    if (sentAgain > 0) failures.push(`${sentAgain} photos acknowledged before the cut were sent again`);
    for (const sha256 of hashes) {
      if (!wholeOnServer(sha256)) failures.push(`photo ${sha256.slice(0, 12)} is not whole on the server`);
      const blob = (await phone.db.attachmentBlobs.get(sha256)) as AttachmentBlobRow | undefined;
      if (blob?.uploadState !== 'uploaded' || blob.refusal) failures.push(`photo ${sha256.slice(0, 12)} is ${blob?.uploadState ?? 'gone'} on the phone`);
    }

    const sqlite = server.openReader();
    try {
      const checked = await runChecks({ sqlite, baseUrl: server.baseUrl, devices: [phone], ledger: server.proxy.ledger, saved, rowsBefore,  unexplainedRedownloads: redownloads });
      // A photo not whole on the server is a photo lost.
      checked.checks.push({ name: 'upload resumed, every photo whole on the server', failures, countsAsLoss: failures.some((f) => f.includes('not whole')) });
      checked.checks.push({ name: 'the phone synced to quiet after the cut', failures: stuck, countsAsLoss: false });
      const note = report
        ? `${hashes.length} photos; upload ${cutAt} cut on the way ${direction === 'request' ? 'up' : 'back'} at byte ${report.atByte} of ${report.ofBytes}`
        : `no cut (${uploads} uploads)`;
      log(note);
      return { ...checked, writes: saved.writes + hashes.length, note };
    } finally {
      sqlite.close();
      phone.db.close();
    }
  },
};
