import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders, type Mutation, type PullResponse, type PushResponse } from '../../schema';
import { createTestServer, type TestServer } from '../test-support/test-server';
import { compactChangeLog } from './compact-change-log';

// Change-log compaction against the real app on a real SQLite file (docs/SPEC.md S21, S22).

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
const unitEdit = (unitId: string, seq: number, baseVersion: number, fields: Record<string, unknown>): Mutation => ({
  id: uuidv7(), seq, entity: 'units', op: 'upsert', recordId: unitId, baseVersion, fields, clientTime: new Date().toISOString(),
});
async function push(token: string, deviceId: string, mutations: Mutation[]): Promise<PushResponse> {
  const response = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations }, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PushResponse;
}
async function pullAll(token: string, cursor = 0) {
  const changes: PullResponse['changes'] = [];
  for (;;) {
    const page = (await (await server.request(`/api/sync/pull?cursor=${cursor}&limit=7`, { headers: { authorization: `Bearer ${token}`, ...versions } })).json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, digests: page.digests ?? [] };
  }
}
const count = (sql: string, ...params: unknown[]) => (server.sqlite.prepare(sql).get(...params) as { n: number }).n;
const conflicts = (unitId: string) => count(`select count(*) n from conflicts where record_id = ?`, unitId);

/** Office staff edit a unit's status, then its rent, from one device; then the log is compacted. */
async function editTwiceThenCompact() {
  const office = await server.login('kantor');
  const unit = server.unitIn('Kota Bandung');
  const officeDevice = uuidv7();
  await push(office.token, officeDevice, [unitEdit(unit.id, 1, unit.version, { status: 'under_repair' })]);
  const second = await push(office.token, officeDevice, [unitEdit(unit.id, 2, unit.version, { monthlyRent: 333_000 })]);
  expect(count('select count(*) n from change_log where record_id = ?', unit.id)).toBe(3);
  const { deleted } = await compactChangeLog(server.storage);
  expect(deleted).toBeGreaterThan(0);
  expect(count('select count(*) n from change_log where record_id = ?', unit.id)).toBe(1);
  return { unit, second };
}

describe('S21: compaction keeps each record\'s latest change', () => {
  it('S21: a device whose cursor is behind the compaction converges by pulling, with matching digests', async () => {
    const officer = await server.login('petugas');
    const before = await pullAll(officer.token);
    const { unit } = await editTwiceThenCompact();
    const after = await pullAll(officer.token);
    // One change per record, each the record's current state.
    expect(new Set(after.changes.map((c) => c.recordId)).size).toBe(after.changes.length);
    expect(after.changes.length).toBe(new Set(before.changes.map((c) => c.recordId)).size);
    const pulledUnit = after.changes.find((c) => c.recordId === unit.id)!;
    expect(pulledUnit.record).toMatchObject({ status: 'under_repair', monthlyRent: 333_000 });
    const stored = server.sqlite.prepare('select version from units where id = ?').get(unit.id) as { version: number };
    expect(pulledUnit.record.version).toBe(stored.version);
    for (const digest of after.digests) {
      expect(digest.count).toBe(after.changes.filter((c) => c.regionId === digest.regionId && c.op !== 'delete' && c.entity !== 'regions').length + after.changes.filter((c) => c.entity === 'regions' && c.recordId === digest.regionId).length);
    }
  });
});

describe('S22: conflicts are still found for a base below the compaction watermark', () => {
  it('S22: a record created and changed again offline, pushed after a compaction, merges without conflicts', async () => {
    await compactChangeLog(server.storage);
    const officer = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const create = server.inspectionMutation(unit, 1);
    // The second change has no base either: the device never pulled its own create.
    const edit: Mutation = { ...create, id: uuidv7(), seq: 2, fields: { notes: 'Atap bocor, sudah dilaporkan', conditionRating: 2 } };
    const result = await push(officer.token, uuidv7(), [create, edit]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(result.results[1]).not.toHaveProperty('conflicts');
    expect(conflicts(create.recordId)).toBe(0);
    expect(server.sqlite.prepare('select notes, condition_rating rating from inspections where id = ?').get(create.recordId)).toEqual({ notes: 'Atap bocor, sudah dilaporkan', rating: 2 });
  });

  it('S22: a stale-based edit of a field changed in a compacted row produces a conflict record', async () => {
    const { unit } = await editTwiceThenCompact();
    const admin = await server.login('admin');
    const result = await push(admin.token, uuidv7(), [unitEdit(unit.id, 1, unit.version, { status: 'occupied' })]);
    expect(result.results[0]).toMatchObject({ status: 'applied', conflicts: [{ field: 'status' }] });
    expect(conflicts(unit.id)).toBe(1);
    expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'under_repair' });
  });

  it('S22: a stale-based edit that sets the value already there produces none', async () => {
    const { unit } = await editTwiceThenCompact();
    const admin = await server.login('admin');
    const result = await push(admin.token, uuidv7(), [unitEdit(unit.id, 1, unit.version, { status: 'under_repair' })]);
    expect(result.results[0]).toMatchObject({ status: 'applied' });
    expect(result.results[0]).not.toHaveProperty('conflicts');
    expect(conflicts(unit.id)).toBe(0);
  });

  it('S22: an edit based on the latest version after compaction merges as usual', async () => {
    const { unit, second } = await editTwiceThenCompact();
    const admin = await server.login('admin');
    const base = second.results[0]!.status === 'applied' ? second.results[0]!.appliedSeq : 0;
    const result = await push(admin.token, uuidv7(), [unitEdit(unit.id, 1, base, { status: 'occupied' })]);
    expect(result.results[0]).not.toHaveProperty('conflicts');
    expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'occupied' });
  });

  it("S22: another device's change hidden behind this device's own surviving row still counts", async () => {
    const office = await server.login('kantor');
    const admin = await server.login('admin');
    const unit = server.unitIn('Kota Bandung');
    const officeDevice = uuidv7();
    // The office changes the status; then the admin's device, offline since the seed, sends a rent
    // change (merges) and, after a compaction that leaves only the admin's row, a status change.
    await push(office.token, officeDevice, [unitEdit(unit.id, 1, unit.version, { status: 'under_repair' })]);
    const adminDevice = uuidv7();
    await push(admin.token, adminDevice, [unitEdit(unit.id, 1, unit.version, { monthlyRent: 444_000 })]);
    await compactChangeLog(server.storage);
    const result = await push(admin.token, adminDevice, [unitEdit(unit.id, 2, unit.version, { status: 'occupied' })]);
    expect(result.results[0]).toMatchObject({ status: 'applied', conflicts: [{ field: 'status' }] });
    expect(server.sqlite.prepare('select status, monthly_rent rent from units where id = ?').get(unit.id)).toEqual({ status: 'under_repair', rent: 444_000 });
  });
});
