import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7 } from '../schema';
import { exportUnsentWork, unsentWorkFileName, type UnsentWorkFile } from './export-unsent-work';
import { LocalDb } from './local-db';
import { saveRecord } from './local-writes';

const user = { id: 'u1', username: 'petugas', displayName: 'Petugas Bandung', role: 'field_officer' as const, regionIds: ['r1'] };
const regionId = uuidv7();

let db: LocalDb;
beforeEach(async () => {
  db = new LocalDb('export-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', { token: 'secret-token-of-petugas', expiresAt: '2030-01-01T00:00:00Z', user, deviceId: 'device-1' });
  await db.setMeta('device', { deviceId: 'device-1', nextSeq: 1 });
});
afterEach(() => db.close());

async function readExport(blob: Blob): Promise<UnsentWorkFile> {
  return JSON.parse(await blob.text()) as UnsentWorkFile;
}

function report(siteId: string, month: string) {
  return { regionId, siteId, month, status: 'draft' as const, rows: [], submittedAt: null, preparedBy: 'u1' };
}

describe('exporting unsent work', () => {
  it('holds the pending and rejected changes in seq order, not the acknowledged ones, with device, user and versions', async () => {
    const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
    for (const id of [a, b, c]) expect((await saveRecord(db, 'occupancyReports', id, { id, ...report(uuidv7(), '2026-11') })).ok).toBe(true);
    const [first, second, third] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(first!.mutationId, { state: 'acked', appliedSeq: 10 });
    await db.outbox.update(second!.mutationId, { state: 'rejected', rejection: { code: 'region_forbidden', message: 'not yours' } });

    const blob = await exportUnsentWork(db, { now: new Date('2026-11-25T03:15:00Z'), appVersion: '0.1.0' });
    expect(blob.type).toBe('application/json');
    const file = await readExport(blob);
    expect(file).toMatchObject({
      format: 'hunian-unsent-work',
      formatVersion: 1,
      exportedAt: '2026-11-25T03:15:00.000Z',
      deviceId: 'device-1',
      user: { id: 'u1', username: 'petugas', displayName: 'Petugas Bandung' },
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      attachments: [],
    });
    expect(file.outbox.map((e) => [e.recordId, e.state])).toEqual([
      [b, 'rejected'],
      [c, 'pending'],
    ]);
    expect(file.outbox[0]!.rejection).toEqual({ code: 'region_forbidden', message: 'not yours' });
    expect(file.outbox[1]!.fields).toMatchObject({ id: c, month: '2026-11' });
    expect(third!.recordId).toBe(c);
    // The token signs requests; it has no place in a file that may be passed around.
    expect(await blob.text()).not.toContain('secret-token-of-petugas');
  });

  it('holds the bytes of attachments not yet uploaded, in base64, and not those the server has', async () => {
    const photo = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    await db.attachmentBlobs.bulkPut([
      { sha256: 'a'.repeat(64), blob: new Blob([photo], { type: 'image/jpeg' }), mimeType: 'image/jpeg', byteSize: photo.length, uploadState: 'pending', createdAt: '2026-11-25T01:00:00.000Z' },
      { sha256: 'b'.repeat(64), blob: new Blob(['%PDF-1.4']), mimeType: 'application/pdf', byteSize: 8, uploadState: 'pending', createdAt: '2026-11-25T02:00:00.000Z' },
      { sha256: 'c'.repeat(64), blob: new Blob(['uploaded']), mimeType: 'image/jpeg', byteSize: 8, uploadState: 'uploaded', createdAt: '2026-11-25T00:00:00.000Z' },
    ]);
    const file = await readExport(await exportUnsentWork(db));
    expect(file.attachments.map((a) => [a.sha256[0], a.mimeType, a.byteSize])).toEqual([
      ['a', 'image/jpeg', 100_000],
      ['b', 'application/pdf', 8],
    ]);
    expect(new Uint8Array(Buffer.from(file.attachments[0]!.base64, 'base64'))).toEqual(photo);
    expect(Buffer.from(file.attachments[1]!.base64, 'base64').toString()).toBe('%PDF-1.4');
    expect(file.outbox).toEqual([]);
  });

  it('is a well-formed file on a device with nothing unsent, and names itself by the day', async () => {
    await db.meta.delete('session');
    const file = await readExport(await exportUnsentWork(db));
    expect(file).toMatchObject({ deviceId: 'device-1', user: null, outbox: [], attachments: [] });
    expect(unsentWorkFileName(new Date(2026, 10, 5, 23, 30))).toBe('hunian-unsent-2026-11-05.json');
  });
});
