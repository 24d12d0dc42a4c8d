import { text } from 'node:stream/consumers';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION, bootstrapLineSchema, versionHeaders, type BootstrapLine, type PullResponse } from '../../schema';
import { appliedSeq, deviceOf, edit, pullAll, remove, upsert } from '../test-support/domain-records';
import { createTestServer, type TestServer } from '../test-support/test-server';
import { startBootstrap } from './bootstrap';

// The bootstrap snapshot (S25) against the real Hono app on a real SQLite file.
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };

const bootstrapOf = (token: string, headers: Record<string, string> = {}) =>
  server.request('/api/sync/bootstrap', { headers: { authorization: `Bearer ${token}`, ...versions, ...headers } });

/** The lines of a bootstrap answer, each checked against the wire schema. */
async function linesOf(response: Response): Promise<BootstrapLine[]> {
  expect(response.status, await response.clone().text()).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = response.headers.get('content-encoding') === 'gzip' ? zlib.gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => bootstrapLineSchema.parse(JSON.parse(line)));
}

/** The bootstrap's cursor, digests and records (by entity/id), checking its first and last lines. */
async function bootstrapped(token: string) {
  const lines = await linesOf(await bootstrapOf(token));
  const begin = lines[0]!;
  const end = lines.at(-1)!;
  if (begin.type !== 'begin' || end.type !== 'end') throw new Error('a bootstrap starts with begin and ends with end');
  const records = new Map<string, Record<string, unknown>>();
  for (const line of lines.slice(1, -1)) {
    if (line.type !== 'records') throw new Error(`unexpected ${line.type} line`);
    for (const record of line.records as Record<string, unknown>[]) records.set(`${line.entity}/${String(record.id)}`, record);
  }
  expect(end.records).toBe(records.size);
  return { cursor: begin.cursor, digests: begin.digests, records };
}

/** What a device holds after pulling the whole log page by page: each record's last state, tombstones removed. */
async function pulledState(token: string) {
  const records = new Map<string, Record<string, unknown>>();
  for (const change of await pullAll(server, token)) {
    const key = `${change.entity}/${change.recordId}`;
    if (change.record.deleted === true) records.delete(key);
    else records.set(key, change.record);
  }
  return records;
}

async function lastPage(token: string): Promise<PullResponse> {
  const response = await server.request('/api/sync/pull?cursor=0&limit=1000', { headers: { authorization: `Bearer ${token}`, ...versions } });
  return (await response.json()) as PullResponse;
}

describe('S25: the bootstrap snapshot', () => {
  it('S25: holds every live record of the readable regions as the whole log leaves them, with their digests, as of one cursor', async () => {
    const officer = await deviceOf(server, 'petugas');
    const office = await deviceOf(server, 'kantor');
    const unit = server.unitIn('Kota Bandung');
    // History the snapshot must fold: an edit, and a record created then deleted (a tombstone).
    appliedSeq((await office.push(edit('units', unit.id, unit.version, { monthlyRent: 456_000 })))[0]);
    const inspection = server.inspectionMutation(unit, 1);
    const createdAt = appliedSeq((await officer.push(upsert('inspections', { ...inspection.fields, id: inspection.recordId } as Record<string, unknown> & { id: string })))[0]);
    appliedSeq((await officer.push(remove('inspections', inspection.recordId, createdAt)))[0]);

    const snapshot = await bootstrapped(officer.token);
    const pulled = await pulledState(officer.token);
    expect(snapshot.records.size).toBeGreaterThan(30);
    expect(snapshot.records).toEqual(pulled);
    expect(snapshot.records.get(`units/${unit.id}`)).toMatchObject({ monthlyRent: 456_000, deleted: false });
    expect(snapshot.records.has(`inspections/${inspection.recordId}`)).toBe(false);
    const page = await lastPage(officer.token);
    expect(snapshot.cursor).toBe(page.cursor);
    const byRegion = (a: { regionId: string }, b: { regionId: string }) => a.regionId.localeCompare(b.regionId);
    expect([...snapshot.digests].sort(byRegion)).toEqual([...page.digests!].sort(byRegion));
  });

  it('S25, S6: holds only the regions the user may read, each named by its digest', async () => {
    const bandung = await bootstrapped((await server.login('petugas')).token);
    const jakarta = await bootstrapped((await server.login('petugas.jaktim')).token);
    for (const snapshot of [bandung, jakarta]) {
      const regions = new Set(snapshot.digests.map((d) => d.regionId));
      for (const [key, record] of snapshot.records) {
        const regionId = key.startsWith('regions/') ? record.id : record.regionId;
        expect(regions.has(String(regionId)), key).toBe(true);
      }
    }
    const jakartaUnits = [...jakarta.records.keys()].filter((k) => k.startsWith('units/'));
    expect(jakartaUnits.length).toBeGreaterThan(0);
    for (const key of jakartaUnits) expect(bandung.records.has(key)).toBe(false);
  });

  it('S25: is gzip when the device accepts it, and its ETag holds while the regions do not change', async () => {
    const officer = await deviceOf(server, 'petugas');
    const zipped = await bootstrapOf(officer.token, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toContain('no-store');
    const plain = await bootstrapOf(officer.token);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await linesOf(zipped)).toEqual(await linesOf(plain));

    const etag = zipped.headers.get('etag')!;
    expect(etag).toMatch(/^"b-[\w-]+"$/);
    expect(plain.headers.get('etag')).toBe(etag);
    const unchanged = await bootstrapOf(officer.token, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    const inspection = server.inspectionMutation(server.unitIn('Kota Bandung'), 1);
    appliedSeq((await officer.push(upsert('inspections', { ...inspection.fields, id: inspection.recordId } as Record<string, unknown> & { id: string })))[0]);
    const changed = await bootstrapOf(officer.token, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('S25, S18: an app of protocol 2 is told to update for the bootstrap, and still pulls and pushes page by page', async () => {
    const officer = await deviceOf(server, 'petugas');
    const old = { [versionHeaders.protocol]: String(MIN_PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
    expect(MIN_PROTOCOL_VERSION).toBe(2);
    const refused = await bootstrapOf(officer.token, old);
    expect(refused.status).toBe(426);
    expect(await refused.json()).toMatchObject({ error: 'client_too_old', details: { minProtocolVersion: 3 } });

    const pull = await server.request('/api/sync/pull?cursor=0&limit=1000', { headers: { authorization: `Bearer ${officer.token}`, ...old } });
    expect(pull.status).toBe(200);
    const inspection = server.inspectionMutation(server.unitIn('Kota Bandung'), 1);
    const push = await server.json('POST', '/api/sync/push', { protocolVersion: MIN_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: inspection.id, mutations: [inspection] }, officer.token);
    expect(push.status).toBe(200);
    expect((await push.json()).results[0]).toMatchObject({ status: 'applied' });
  });

  it('S25: read a page at a time, the live records of a region are exactly liveRecords, deletions left out', async () => {
    const office = await deviceOf(server, 'kantor');
    const unit = server.unitIn('Kota Bandung');
    appliedSeq((await office.push(remove('units', unit.id, unit.version)))[0]);
    for (const [entity, size] of [['units', 5], ['units', 1], ['units', 1000], ['regions', 1], ['sites', 2]] as const) {
      await server.storage.read(async (reader) => {
        for (const { id: regionId } of await reader.regionTree()) {
          const paged: Record<string, unknown>[] = [];
          for (let after: number | null = null; ; ) {
            const page = await reader.liveRecordsPage(entity, regionId, after, size);
            expect(page.records.length).toBeLessThanOrEqual(size);
            paged.push(...page.records);
            if (page.next === null) break;
            after = page.next;
          }
          const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
          expect(paged.sort(byId)).toEqual((await reader.liveRecords(entity, regionId)).sort(byId));
          if (entity === 'units') expect(paged.some((r) => r.id === unit.id)).toBe(false);
        }
      });
    }
  });

  it('S25: streamed in small pages, the answer holds the same records, each line one entity', async () => {
    const { user, token } = await deviceOf(server, 'petugas');
    const whole = await bootstrapped(token);
    const answer = await startBootstrap(server.storage, user, undefined, 4);
    if (answer.notModified) throw new Error('no If-None-Match was sent');
    const lines = (await text(answer.lines)).trimEnd().split('\n').map((l) => bootstrapLineSchema.parse(JSON.parse(l)));
    const records = new Map<string, unknown>();
    for (const line of lines.slice(1, -1)) {
      if (line.type !== 'records') throw new Error(`unexpected ${line.type} line`);
      expect(line.records.length).toBeLessThanOrEqual(4);
      for (const record of line.records as { id: string }[]) records.set(`${line.entity}/${record.id}`, record);
    }
    expect(lines.length).toBeGreaterThan(whole.records.size / 4);
    expect(records).toEqual(whole.records);
    expect(lines.at(-1)).toEqual({ type: 'end', records: whole.records.size });
  });

  it('S11: a bootstrap without a token, or without versions, is refused clearly', async () => {
    const anonymous = await server.request('/api/sync/bootstrap', { headers: versions });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' });
    const { token } = await server.login('petugas');
    const unversioned = await server.request('/api/sync/bootstrap', { headers: { authorization: `Bearer ${token}` } });
    expect(unversioned.status).toBe(400);
    expect(await unversioned.json()).toMatchObject({ error: 'versions_missing' });
  });
});
