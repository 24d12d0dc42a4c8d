import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders, type Mutation, type MutationResult, type PullResponse, type PushResponse } from '../schema';
import { createTestServer, type TestServer } from './test-support/test-server';

// The protocol contract, rule by rule (docs/SPEC.md), against the real Hono app on a real SQLite file,
// twice: with pushes applied on the main thread, and on the push thread as api/main.ts runs them
// (decision 021).

let server: TestServer;

const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
const push = (token: string, body: unknown) => server.json('POST', '/api/sync/push', body, token);
const pushBody = (mutations: unknown[], deviceId = defaultDevice, schemaVersion = SCHEMA_VERSION) => ({
  protocolVersion: PROTOCOL_VERSION,
  schemaVersion,
  deviceId,
  mutations,
});
const defaultDevice = uuidv7();
const count = (table: string) => (server.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const get = (token: string, url: string) => server.request(url, { headers: { authorization: `Bearer ${token}`, ...versions } });

async function pushed(token: string, body: unknown): Promise<PushResponse> {
  const response = await push(token, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PushResponse;
}

function applied(result: MutationResult | undefined) {
  if (result?.status !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(result)}`);
  return result;
}

function rejected(result: MutationResult | undefined) {
  if (result?.status !== 'rejected') throw new Error(`expected rejected, got ${JSON.stringify(result)}`);
  return result;
}

async function pullAll(token: string, limit = 1000, from = 0) {
  const changes: PullResponse['changes'] = [];
  let cursor = from;
  for (;;) {
    const response = await get(token, `/api/sync/pull?cursor=${cursor}&limit=${limit}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, digests: page.digests ?? [] };
  }
}

/** A unit edit by office staff, based on a given version. */
function unitEdit(unit: { id: string }, seq: number, baseVersion: number, fields: Record<string, unknown>): Mutation {
  return { id: uuidv7(), seq, entity: 'units', op: 'upsert', recordId: unit.id, baseVersion, fields, clientTime: new Date().toISOString() };
}

describe.each([
  { where: 'on the main thread', pushThread: false },
  { where: 'on the push thread', pushThread: true },
])('pushes applied $where', ({ pushThread }) => {
  beforeEach(async () => {
    server = await createTestServer({ busyTimeoutMs: 50, pushThread });
  });
  afterEach(() => server.close());

  describe('health and sign-in', () => {
    it('answers health', async () => {
      expect(await (await server.request('/api/health')).json()).toEqual({ status: 'ok' });
    });

    it('signs in with the demo password and returns the user with role and regions', async () => {
      const login = await server.login('petugas');
      expect(login.user).toMatchObject({ username: 'petugas', role: 'field_officer' });
      expect(login.user.regionIds).toHaveLength(1);
    });

    it('stores passwords as scrypt hashes peppered with the server secret, never in clear', () => {
      const rows = server.sqlite.prepare('select password_hash from users').all() as { password_hash: string }[];
      for (const row of rows) expect(row.password_hash).toMatch(/^scrypt-hmac\$16384\$8\$1\$/);
    });

    it('refuses sign-in for a while after five wrong passwords, with 429 and Retry-After', async () => {
      const attempt = (password: string) => server.json('POST', '/api/auth/login', { username: 'petugas', password });
      for (let i = 0; i < 5; i++) expect((await attempt('salah')).status).toBe(401);
      const refused = await attempt('petugas123');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: 'too_many_attempts' });
      expect((await server.json('POST', '/api/auth/login', { username: 'kantor', password: 'kantor123' })).status).toBe(200);
    });

    it('refuses a wrong password with 401 and a JSON body', async () => {
      const response = await server.json('POST', '/api/auth/login', { username: 'petugas', password: 'nope' });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
    });
  });

  describe('push', () => {
    it('S2: applies a batch in one transaction and appends one change-log row per write', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const before = count('change_log');
      const body = await pushed(token, pushBody([server.inspectionMutation(unit, 1), server.inspectionMutation(unit, 2)]));
      expect(body.lastMutationSeq).toBe(2);
      expect(body.results.map((r) => r.seq)).toEqual([1, 2]);
      expect(count('change_log')).toBe(before + 2);
      expect(applied(body.results[1]).appliedSeq).toBe(applied(body.results[0]).appliedSeq + 1);
    });

    it('S3: a replayed push changes nothing and returns the same answer', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const body = pushBody([server.inspectionMutation(unit, 1), { ...server.inspectionMutation(unit, 2), entity: 'nonsense' }]);
      const first = await (await push(token, body)).text();
      const dump = () => JSON.stringify(['change_log', 'devices', 'applied_mutations', 'region_digests'].map((t) => server.sqlite.prepare(`select * from ${t}`).all()));
      const stateAfterFirst = dump();
      const second = await push(token, body);
      expect(second.status).toBe(200);
      expect(await second.text()).toBe(first);
      expect(dump()).toBe(stateAfterFirst);
    });

    it('S3: a batch that overlaps what was applied applies only the new part', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const m1 = server.inspectionMutation(unit, 1);
      await pushed(token, pushBody([m1]));
      const before = count('change_log');
      expect((await pushed(token, pushBody([m1, server.inspectionMutation(unit, 2)]))).lastMutationSeq).toBe(2);
      expect(count('change_log')).toBe(before + 1);
    });

    it('S4: refuses a gap in the device sequence with 409 and the expected seq, writing nothing', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const before = count('change_log');
      const response = await push(token, pushBody([server.inspectionMutation(unit, 2)]));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'mutation_gap', details: { expectedSeq: 1 } });
      expect(count('change_log')).toBe(before);
    });

    it('S4: a gap later in a batch is found before anything is applied, and the answer says where', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const response = await push(token, pushBody([server.inspectionMutation(unit, 1), server.inspectionMutation(unit, 3)]));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'mutation_gap', details: { expectedSeq: 2, lastMutationSeq: 0 } });
      expect(count('devices')).toBe(0);
      expect(count('inspections')).toBe(0);
    });

    it('S4: refuses a seq reused by another mutation with 409 and the last applied seq', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      await pushed(token, pushBody([server.inspectionMutation(unit, 1)]));
      const response = await push(token, pushBody([server.inspectionMutation(unit, 1)]));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'mutation_mismatch', details: { lastMutationSeq: 1 } });
      // After a fresh mutation in the same push: the details still name what is stored.
      const before = count('change_log');
      const late = await push(token, pushBody([server.inspectionMutation(unit, 2), server.inspectionMutation(unit, 1)]));
      expect(late.status).toBe(409);
      expect(await late.json()).toMatchObject({ error: 'mutation_mismatch', details: { lastMutationSeq: 1 } });
      expect(count('change_log')).toBe(before);
    });

    it('S3: a mutation id used before, under a new seq, fails its whole push with 409, and nothing of that push is stored', async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const first = server.inspectionMutation(unit, 1);
      await pushed(token, pushBody([first]));
      const dump = () => JSON.stringify(['change_log', 'inspections', 'conflicts', 'devices', 'applied_mutations', 'region_digests'].map((t) => server.sqlite.prepare(`select * from ${t}`).all()));
      const stored = dump();
      // Reused by a later mutation of the same device, after one that would apply; by another
      // device; and by a mutation that its checks would refuse (S15): each push fails whole.
      for (const body of [
        pushBody([server.inspectionMutation(unit, 2), { ...server.inspectionMutation(unit, 3), id: first.id }]),
        pushBody([{ ...server.inspectionMutation(unit, 1), id: first.id }], uuidv7()),
        pushBody([{ ...server.inspectionMutation(unit, 2), id: first.id, entity: 'nonsense' }]),
      ]) {
        const response = await push(token, body);
        expect(response.status).toBe(409);
        expect(await response.json()).toMatchObject({ error: 'mutation_id_reused', details: { mutationId: first.id } });
        expect(dump()).toBe(stored);
      }
      // Twice in one push: the second is the reuse, and the details name what is stored, not the
      // first, which the refusal undid.
      const twice = server.inspectionMutation(unit, 2);
      const response = await push(token, pushBody([twice, { ...server.inspectionMutation(unit, 3), id: twice.id }]));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: 'mutation_id_reused', details: { mutationId: twice.id, lastMutationSeq: 1 } });
      expect(dump()).toBe(stored);
      // Sent at once, a good push and a reusing one may share a group commit: only the good one stands.
      const before = count('change_log');
      const [good, reused] = await Promise.all([
        push(token, pushBody([server.inspectionMutation(unit, 1)], uuidv7())),
        push(token, pushBody([{ ...server.inspectionMutation(unit, 2), id: first.id }])),
      ]);
      expect(good.status).toBe(200);
      expect(reused.status).toBe(409);
      expect(count('change_log')).toBe(before + 1);
    });
  });

  describe('S15: a mutation the server will never accept is rejected alone, with its reason, and the queue moves on', () => {
    const poison: [string, (m: Mutation, other: { id: string; regionId: string }) => Mutation, string][] = [
      ['an unknown entity', (m) => ({ ...m, entity: 'spaceships' }), 'unknown_entity'],
      ['a server-only entity', (m) => ({ ...m, entity: 'users' }), 'unknown_entity'],
      ['a field of the wrong type', (m) => ({ ...m, fields: { ...m.fields, conditionRating: 'good' } }), 'invalid_fields'],
      ['a rating out of range', (m) => ({ ...m, fields: { ...m.fields, conditionRating: 9 } }), 'invalid_fields'],
      ['an unknown field', (m) => ({ ...m, fields: { ...m.fields, passwordHash: 'x' } }), 'invalid_fields'],
      ['a new record missing required fields', (m) => ({ ...m, fields: { notes: 'only notes' } }), 'invalid_record'],
      ['a reference to a record that does not exist', (m) => ({ ...m, fields: { ...m.fields, unitId: uuidv7() } }), 'invalid_reference'],
      ['a unit of a region the user may not see', (m, other) => ({ ...m, fields: { ...m.fields, unitId: other.id } }), 'invalid_reference'],
      ['a region the user may not write', (m, other) => ({ ...m, fields: { ...m.fields, regionId: other.regionId } }), 'region_forbidden'],
      ['an entity the role may not change', (m, other) => ({ ...m, entity: 'units', recordId: other.id, baseVersion: 1, fields: { status: 'occupied' } }), 'role_forbidden'],
    ];

    for (const [name, spoil, code] of poison) {
      it(`${name} → rejected: ${code}`, async () => {
        const { token } = await server.login('petugas');
        const mine = server.unitIn('Kota Bandung');
        const theirs = server.unitIn('Kota Jakarta Timur');
        const before = count('change_log');
        const body = await pushed(token, pushBody([spoil(server.inspectionMutation(mine, 1), theirs), server.inspectionMutation(mine, 2)]));
        expect(rejected(body.results[0]).reason).toMatchObject({ code });
        expect(rejected(body.results[0]).reason.message.length).toBeGreaterThan(0);
        applied(body.results[1]);
        expect(body.lastMutationSeq).toBe(2);
        expect(count('change_log')).toBe(before + 1); // only the good one
        expect(count('inspections')).toBe(1);
      });
    }

    it('S15: a database that stays busy answers 503 with Retry-After, and nothing is written', async () => {
      const { token } = await server.login('petugas');
      const blocker = new Database(server.dbPath);
      blocker.exec('BEGIN EXCLUSIVE');
      try {
        const response = await push(token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]));
        expect(response.status).toBe(503);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await response.json()).toMatchObject({ error: 'busy' });
      } finally {
        blocker.exec('ROLLBACK');
        blocker.close();
      }
      expect(count('devices')).toBe(0);
    });
  });

  describe('S11: a request that is malformed as a whole gets a 4xx naming the problem, and writes nothing', () => {
    const cases: [string, (token: string, unit: { id: string; regionId: string }) => Promise<Response>, number, string][] = [
      ['malformed JSON', (token) => push(token, '{"mutations": ['), 400, 'malformed_json'],
      ['a body that is not an object', (token) => push(token, '[1,2]'), 400, 'invalid_request'],
      ['a wrong type in the envelope', (token, unit) => push(token, { ...pushBody([server.inspectionMutation(unit, 1)]), deviceId: 42 }), 400, 'invalid_request'],
      ['a mutation without an id', (token, unit) => push(token, pushBody([{ ...server.inspectionMutation(unit, 1), id: undefined }])), 400, 'invalid_request'],
      ['an empty batch', (token) => push(token, pushBody([])), 400, 'invalid_request'],
      ['no token', (_token, unit) => server.json('POST', '/api/sync/push', pushBody([server.inspectionMutation(unit, 1)])), 401, 'unauthorized'],
      ['a forged token', (_token, unit) => push('A'.repeat(43), pushBody([server.inspectionMutation(unit, 1)])), 401, 'unauthorized'],
      ['a negative pull cursor', (token) => get(token, '/api/sync/pull?cursor=-1'), 400, 'invalid_query'],
      ['a pull limit too large', (token) => get(token, '/api/sync/pull?limit=100000'), 400, 'invalid_query'],
      ['a snapshot of no region', (token) => get(token, '/api/sync/snapshot?regionId=../../etc'), 400, 'invalid_query'],
      ['a body over the size limit', (token) => push(token, JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) })), 413, 'body_too_large'],
      ['an unknown API route', (token) => server.json('POST', '/api/nope', {}, token), 404, 'not_found'],
    ];

    for (const [name, send, status, code] of cases) {
      it(`${name} → ${status} ${code}`, async () => {
        const { token } = await server.login('petugas');
        const before = count('change_log');
        const response = await send(token, server.unitIn('Kota Bandung'));
        expect(response.status).toBe(status);
        const body = (await response.json()) as { error: string; message: string };
        expect(body.error).toBe(code);
        expect(body.message.length).toBeGreaterThan(0);
        expect(count('change_log')).toBe(before);
        expect(count('devices')).toBe(0);
      });
    }
  });

  describe('S13, S14: field-level merge against an explicit base', () => {
    it('S13: edits of different fields made concurrently both apply, silently', async () => {
      const office = await server.login('kantor');
      const admin = await server.login('admin');
      const unit = server.unitIn('Kota Bandung');
      await pushed(office.token, pushBody([unitEdit(unit, 1, unit.version, { status: 'under_repair' })]));
      const second = await pushed(admin.token, pushBody([unitEdit(unit, 1, unit.version, { monthlyRent: 425_000 })], uuidv7()));
      expect(applied(second.results[0]).conflicts).toBeUndefined();
      expect(server.sqlite.prepare('select status, monthly_rent rent from units where id = ?').get(unit.id)).toEqual({ status: 'under_repair', rent: 425_000 });
      expect(count('conflicts')).toBe(0);
    });

    it('S14: the same field changed concurrently keeps the first value to arrive; the other is kept in a conflict record', async () => {
      const office = await server.login('kantor');
      const admin = await server.login('admin');
      const unit = server.unitIn('Kota Bandung');
      const adminDevice = uuidv7();
      await pushed(office.token, pushBody([unitEdit(unit, 1, unit.version, { status: 'under_repair' })]));
      const late = unitEdit(unit, 1, unit.version, { status: 'occupied', monthlyRent: 410_000 });
      const answer = await pushed(admin.token, pushBody([late], adminDevice));
      const result = applied(answer.results[0]);
      expect(result.conflicts?.map((c) => c.field)).toEqual(['status']);
      expect(server.sqlite.prepare('select status, monthly_rent rent from units where id = ?').get(unit.id)).toEqual({ status: 'under_repair', rent: 410_000 });
      const conflict = server.sqlite.prepare('select * from conflicts').get() as Record<string, unknown>;
      expect(conflict).toMatchObject({
        entity: 'units',
        record_id: unit.id,
        field: 'status',
        kept_value: '"under_repair"',
        kept_by: office.user.id,
        lost_value: '"occupied"',
        lost_by: admin.user.id,
        lost_device_id: adminDevice,
        lost_mutation_id: late.id,
        lost_client_time: late.clientTime,
        status: 'open',
        region_id: unit.regionId,
      });
      // The conflict reaches the devices of the region, the officer's included.
      const officer = await pullAll((await server.login('petugas')).token);
      expect(officer.changes.filter((c) => c.entity === 'conflicts')).toHaveLength(1);
      // appliedSeq is the record's own change, after the conflict: a device that reaches it holds both.
      const conflictSeq = officer.changes.find((c) => c.entity === 'conflicts')!.seq;
      expect(result.appliedSeq).toBeGreaterThan(conflictSeq);
    });

    it('S14: the rule never looks at device clocks', async () => {
      const office = await server.login('kantor');
      const admin = await server.login('admin');
      const unit = server.unitIn('Kota Bandung');
      await pushed(office.token, pushBody([{ ...unitEdit(unit, 1, unit.version, { status: 'under_repair' }), clientTime: '2020-01-01T00:00:00.000Z' }]));
      await pushed(admin.token, pushBody([{ ...unitEdit(unit, 1, unit.version, { status: 'occupied' }), clientTime: '2030-01-01T00:00:00.000Z' }], uuidv7()));
      expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'under_repair' });
    });

    it("S13: a device's own earlier edits are not concurrent with its later ones", async () => {
      const office = await server.login('kantor');
      const unit = server.unitIn('Kota Bandung');
      // Both made offline on the same base, then pushed together.
      const answer = await pushed(
        office.token,
        pushBody([unitEdit(unit, 1, unit.version, { status: 'under_repair' }), unitEdit(unit, 2, unit.version, { status: 'available' })]),
      );
      expect(applied(answer.results[1]).conflicts).toBeUndefined();
      expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'available' });
    });

    it('S14: a lost value can be restored, and the choice syncs like any edit', async () => {
      const office = await server.login('kantor');
      const admin = await server.login('admin');
      const unit = server.unitIn('Kota Bandung');
      const officeDevice = uuidv7();
      await pushed(office.token, pushBody([unitEdit(unit, 1, unit.version, { status: 'under_repair' })], officeDevice));
      await pushed(admin.token, pushBody([unitEdit(unit, 1, unit.version, { status: 'occupied' })], uuidv7()));
      const conflict = server.sqlite.prepare('select id, lost_value, version from conflicts').get() as { id: string; lost_value: string; version: number };
      const { version } = server.sqlite.prepare('select version from units where id = ?').get(unit.id) as { version: number };
      const restore = await pushed(
        office.token,
        pushBody(
          [
            unitEdit(unit, 2, version, { status: JSON.parse(conflict.lost_value) }),
            { ...unitEdit(unit, 3, conflict.version, { status: 'restored', resolvedBy: office.user.id }), entity: 'conflicts', recordId: conflict.id },
          ],
          officeDevice,
        ),
      );
      expect(restore.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'occupied' });
      expect(server.sqlite.prepare('select status, resolved_by from conflicts').get()).toEqual({ status: 'restored', resolved_by: office.user.id });
    });

    it('S16: a delete is a tombstone that syncs, and a later edit of it is kept as a conflict', async () => {
      const officer = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const create = server.inspectionMutation(unit, 1);
      const created = applied((await pushed(officer.token, pushBody([create]))).results[0]);
      const { cursor } = await pullAll(officer.token);
      await pushed(officer.token, pushBody([{ ...create, id: uuidv7(), seq: 2, op: 'delete', fields: {}, baseVersion: created.appliedSeq }]));
      const afterDelete = await pullAll(officer.token, 1000, cursor);
      const tombstone = afterDelete.changes.find((c) => c.recordId === create.recordId)!;
      expect(tombstone).toMatchObject({ op: 'delete', record: { deleted: true, notes: create.fields.notes } });

      const otherDevice = uuidv7();
      const edit = await pushed(officer.token, pushBody([{ ...create, id: uuidv7(), seq: 1, baseVersion: created.appliedSeq, fields: { notes: 'ditulis setelah dihapus' } }], otherDevice));
      expect(applied(edit.results[0]).conflicts?.[0]?.field).toBe('*');
      expect(server.sqlite.prepare('select deleted from inspections where id = ?').get(create.recordId)).toEqual({ deleted: 1 });
      expect(JSON.parse((server.sqlite.prepare('select lost_value from conflicts').get() as { lost_value: string }).lost_value)).toEqual({ notes: 'ditulis setelah dihapus' });
    });
  });

  describe('S16: deletes of what the server never had', () => {
    it('are applied as nothing, so that the device can settle them', async () => {
      const { token } = await server.login('petugas');
      const before = count('change_log');
      const body = await pushed(token, pushBody([{ ...server.inspectionMutation(server.unitIn('Kota Bandung'), 1), op: 'delete', fields: {} }]));
      expect(applied(body.results[0]).appliedSeq).toBe(0);
      expect(count('change_log')).toBe(before);
    });
  });

  describe('pull', () => {
    it('S5: pages through the change log by server seq, with the next cursor and whether more remain', async () => {
      const { token } = await server.login('petugas');
      const all = await pullAll(token);
      const paged = await pullAll(token, 7);
      expect(paged.changes).toEqual(all.changes);
      const seqs = all.changes.map((c) => c.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      const again = await get(token, `/api/sync/pull?cursor=${all.cursor}`);
      expect(await again.json()).toMatchObject({ changes: [], cursor: all.cursor, hasMore: false });
    });

    it('S5: a change made after a pull arrives with a higher seq than the cursor', async () => {
      const { token } = await server.login('petugas');
      const { cursor } = await pullAll(token);
      await pushed(token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]));
      const fresh = (await pullAll(token)).changes.filter((c) => c.seq > cursor);
      expect(fresh.map((c) => c.entity)).toEqual(['inspections']);
      expect(fresh[0]!.record.version).toBe(fresh[0]!.seq);
    });

    it('S6: returns only the regions the user may see (assigned, below, and above for their own rows)', async () => {
      const officer = await pullAll((await server.login('petugas')).token);
      const office = await pullAll((await server.login('kantor')).token);
      // Kota Bandung, Coblong below it, and Jawa Barat above it (its region row and program rules).
      const regionNames = officer.changes.filter((c) => c.entity === 'regions').map((c) => c.record.name);
      expect(regionNames.sort()).toEqual(['Coblong', 'Jawa Barat', 'Kota Bandung']);
      expect(new Set(officer.changes.map((c) => c.regionId)).size).toBe(3);
      const siteNames = officer.changes.filter((c) => c.entity === 'sites').map((c) => c.record.name);
      expect(siteNames.sort()).toEqual(['Rusunawa Cigadung', 'Rusunawa Sadang Serang']);
      expect(office.changes.filter((c) => c.entity === 'sites')).toHaveLength(4);
    });

    it('S6: another region officer never receives the inspection', async () => {
      const officer = await server.login('petugas');
      await pushed(officer.token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]));
      const other = await pullAll((await server.login('petugas.jaktim')).token);
      expect(other.changes.filter((c) => c.entity === 'inspections')).toEqual([]);
      const office = await pullAll((await server.login('kantor')).token);
      expect(office.changes.filter((c) => c.entity === 'inspections')).toHaveLength(1);
    });

    it('S17: the last page carries a digest per visible region that matches the live records, and moves with writes', async () => {
      const { token } = await server.login('petugas');
      const first = await pullAll(token);
      const live = new Map<string, number>();
      const latest = new Map(first.changes.map((c) => [c.recordId, c]));
      for (const change of latest.values()) if (!change.record.deleted) live.set(change.regionId, (live.get(change.regionId) ?? 0) + 1);
      expect(first.digests.map((d) => [d.regionId, d.count]).sort()).toEqual([...live.entries()].sort());

      const unit = server.unitIn('Kota Bandung');
      await pushed(token, pushBody([server.inspectionMutation(unit, 1)]));
      const second = await pullAll(token, 1000, first.cursor);
      const before = first.digests.find((d) => d.regionId === unit.regionId)!;
      const after = second.digests.find((d) => d.regionId === unit.regionId)!;
      expect(after.count).toBe(before.count + 1);
      expect(after.hash).not.toBe(before.hash);
    });

    it('S17: a region snapshot holds its live records, only for a region the user may see', async () => {
      const officer = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const response = await get(officer.token, `/api/sync/snapshot?regionId=${unit.regionId}`);
      const snapshot = (await response.json()) as { records: { entity: string }[]; cursor: number };
      expect(snapshot.records.filter((r) => r.entity === 'units')).toHaveLength(24);
      const jakarta = server.unitIn('Kota Jakarta Timur');
      const forbidden = await get(officer.token, `/api/sync/snapshot?regionId=${jakarta.regionId}`);
      expect(forbidden.status).toBe(403);
    });
  });

  describe('S18: versions', () => {
    it('accepts a mutation from an app one schema version older, upgrading it', async () => {
      const { token } = await server.login('petugas');
      const m = server.inspectionMutation(server.unitIn('Kota Bandung'), 1);
      const { type: _dropped, ...v1Fields } = m.fields;
      const body = await pushed(token, pushBody([{ ...m, fields: v1Fields }], defaultDevice, 1));
      applied(body.results[0]);
      expect(server.sqlite.prepare('select type from inspections where id = ?').get(m.recordId)).toEqual({ type: 'periodic' });
      expect(server.sqlite.prepare('select schema_version from devices').get()).toEqual({ schema_version: 1 });
    });

    const refusals: [string, Record<string, string>, number, string][] = [
      ['no versions on a pull', {}, 400, 'versions_missing'],
      ['a schema older than the server still accepts', { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: '0' }, 426, 'client_too_old'],
      ['a protocol older than the server still answers', { [versionHeaders.protocol]: String(MIN_PROTOCOL_VERSION - 1), [versionHeaders.schema]: String(SCHEMA_VERSION) }, 426, 'client_too_old'],
      ['a schema newer than the server', { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION + 1) }, 426, 'client_too_new'],
    ];
    for (const [name, headers, status, code] of refusals) {
      it(`tells an app with ${name} what to do: ${status} ${code}`, async () => {
        const { token } = await server.login('petugas');
        const response = await server.request('/api/sync/pull', { headers: { authorization: `Bearer ${token}`, ...headers } });
        expect(response.status).toBe(status);
        expect(await response.json()).toMatchObject({ error: code, details: { schemaVersion: SCHEMA_VERSION } });
      });
    }

    it('refuses a push from a too-new app without writing anything', async () => {
      const { token } = await server.login('petugas');
      const response = await push(token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)], defaultDevice, SCHEMA_VERSION + 1));
      expect(response.status).toBe(426);
      expect(count('devices')).toBe(0);
    });
  });

  describe('S18: sign-in', () => {
    it('refuses an app that names versions the server cannot serve, and allows a sign-in that names none', async () => {
      const body = JSON.stringify({ username: 'petugas', password: 'petugas123' });
      const old = await server.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [versionHeaders.protocol]: '1', [versionHeaders.schema]: '1' },
        body,
      });
      expect(old.status).toBe(426);
      expect(await old.json()).toMatchObject({ error: 'client_too_old' });
      const plain = await server.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(plain.status).toBe(200);
    });
  });
});
