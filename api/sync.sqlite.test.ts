import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type PullResponse, type PushResponse } from '../schema';
import { createTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeEach(() => {
  server = createTestServer();
});
afterEach(() => server.close());

const push = (token: string, body: unknown) => server.json('POST', '/api/sync/push', body, token);
const pushBody = (mutations: unknown[], deviceId = deviceIdFixed) => ({ protocolVersion: 1, schemaVersion: 1, deviceId, mutations });
const deviceIdFixed = uuidv7();
const changeLogCount = () => (server.sqlite.prepare('select count(*) n from change_log').get() as { n: number }).n;

async function pullAll(token: string, limit = 1000) {
  const changes: PullResponse['changes'] = [];
  let cursor = 0;
  for (;;) {
    const response = await server.request(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

describe('health and sign-in', () => {
  it('answers health', async () => {
    const response = await server.request('/api/health');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('signs in with the demo password and returns the user with role and regions', async () => {
    const login = await server.login('petugas');
    expect(login.user).toMatchObject({ username: 'petugas', role: 'field_officer' });
    expect(login.user.regionIds).toHaveLength(1);
    expect(login.token.length).toBeGreaterThan(30);
  });

  it('stores passwords as scrypt hashes, never in clear', () => {
    const rows = server.sqlite.prepare('select password_hash from users').all() as { password_hash: string }[];
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
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
    const before = changeLogCount();
    const response = await push(token, pushBody([server.inspectionMutation(unit, 1), server.inspectionMutation(unit, 2)]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as PushResponse;
    expect(body.lastMutationSeq).toBe(2);
    expect(body.results.map((r) => r.seq)).toEqual([1, 2]);
    expect(changeLogCount()).toBe(before + 2);
    expect(body.results[1]!.appliedSeq).toBe(body.results[0]!.appliedSeq + 1);
  });

  it('S3: a replayed push changes nothing and returns the same answer', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const body = pushBody([server.inspectionMutation(unit, 1), server.inspectionMutation(unit, 2)]);
    const first = await (await push(token, body)).text();
    const dump = () => server.sqlite.prepare('select * from change_log').all().concat(server.sqlite.prepare('select * from devices').all());
    const stateAfterFirst = JSON.stringify(dump());
    const second = await push(token, body);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(first);
    expect(JSON.stringify(dump())).toBe(stateAfterFirst);
  });

  it('S3: a batch that overlaps what was applied applies only the new part', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const m1 = server.inspectionMutation(unit, 1);
    await push(token, pushBody([m1]));
    const before = changeLogCount();
    const response = await push(token, pushBody([m1, server.inspectionMutation(unit, 2)]));
    expect(((await response.json()) as PushResponse).lastMutationSeq).toBe(2);
    expect(changeLogCount()).toBe(before + 1);
  });

  it('S4: refuses a gap in the device sequence with 409 and the expected seq', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const response = await push(token, pushBody([server.inspectionMutation(unit, 2)]));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'mutation_gap', details: { expectedSeq: 1 } });
  });

  it('S6: refuses a write in a region the user may not write, and writes nothing of the batch', async () => {
    const { token } = await server.login('petugas');
    const mine = server.unitIn('Kota Bandung');
    const theirs = server.unitIn('Kota Jakarta Timur');
    const before = changeLogCount();
    const response = await push(token, pushBody([server.inspectionMutation(mine, 1), server.inspectionMutation(theirs, 2)]));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'region_forbidden' });
    expect(changeLogCount()).toBe(before);
    expect(server.sqlite.prepare('select count(*) n from inspections').get()).toEqual({ n: 0 });
  });

  it('S6: refuses a record whose region differs from the unit it points at', async () => {
    const { token } = await server.login('kantor');
    const bandung = server.unitIn('Kota Bandung');
    const jakarta = server.unitIn('Kota Jakarta Timur');
    const mutation = server.inspectionMutation(bandung, 1);
    mutation.fields.unitId = jakarta.id;
    const response = await push(token, pushBody([mutation]));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'region_mismatch' });
  });

  it('S6: refuses a change by a role that may not make it', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const response = await push(
      token,
      pushBody([{ ...server.inspectionMutation(unit, 1), entity: 'units', recordId: unit.id, baseVersion: unit.version, fields: { status: 'occupied' } }]),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'role_forbidden' });
  });

  it('merges changed fields into an existing record and bumps its version to the change seq', async () => {
    const { token } = await server.login('kantor');
    const unit = server.unitIn('Kota Bandung');
    const response = await push(
      token,
      pushBody([{ ...server.inspectionMutation(unit, 1), entity: 'units', recordId: unit.id, baseVersion: unit.version, fields: { status: 'under_repair' } }]),
    );
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as PushResponse;
    const row = server.sqlite.prepare('select status, code, version from units where id = ?').get(unit.id);
    expect(row).toEqual({ status: 'under_repair', code: unit.code, version: results[0]!.appliedSeq });
  });
});

describe('S11: bad input gets a 4xx with a JSON body naming the problem, and writes nothing', () => {
  const cases: [string, (token: string, unit: ReturnType<TestServer['unitIn']>) => Promise<Response>, number, string][] = [
    ['malformed JSON', (token) => push(token, '{"mutations": ['), 400, 'malformed_json'],
    ['a body that is not an object', (token) => push(token, '[1,2]'), 400, 'invalid_request'],
    ['a wrong type in the envelope', (token, unit) => push(token, { ...pushBody([server.inspectionMutation(unit, 1)]), deviceId: 42 }), 400, 'invalid_request'],
    ['an empty batch', (token) => push(token, pushBody([])), 400, 'invalid_request'],
    ['an unknown entity', (token, unit) => push(token, pushBody([{ ...server.inspectionMutation(unit, 1), entity: 'spaceships' }])), 400, 'unknown_entity'],
    ['a server-only entity', (token, unit) => push(token, pushBody([{ ...server.inspectionMutation(unit, 1), entity: 'users' }])), 400, 'unknown_entity'],
    [
      'a field of the wrong type',
      (token, unit) => {
        const m = server.inspectionMutation(unit, 1);
        return push(token, pushBody([{ ...m, fields: { ...m.fields, conditionRating: 'good' } }]));
      },
      422,
      'invalid_fields',
    ],
    [
      'a rating out of range',
      (token, unit) => {
        const m = server.inspectionMutation(unit, 1);
        return push(token, pushBody([{ ...m, fields: { ...m.fields, conditionRating: 9 } }]));
      },
      422,
      'invalid_fields',
    ],
    [
      'an unknown field',
      (token, unit) => {
        const m = server.inspectionMutation(unit, 1);
        return push(token, pushBody([{ ...m, fields: { ...m.fields, passwordHash: 'x' } }]));
      },
      422,
      'invalid_fields',
    ],
    [
      'a new record missing required fields',
      (token, unit) => push(token, pushBody([{ ...server.inspectionMutation(unit, 1), fields: { notes: 'only notes' } }])),
      422,
      'invalid_record',
    ],
    [
      'a reference to a record that does not exist',
      (token, unit) => {
        const m = server.inspectionMutation(unit, 1);
        return push(token, pushBody([{ ...m, fields: { ...m.fields, unitId: uuidv7() } }]));
      },
      422,
      'invalid_reference',
    ],
    ['a protocol version the server does not speak', (token, unit) => push(token, { ...pushBody([server.inspectionMutation(unit, 1)]), protocolVersion: 99 }), 400, 'protocol_version'],
    ['no token', (_token, unit) => server.json('POST', '/api/sync/push', pushBody([server.inspectionMutation(unit, 1)])), 401, 'unauthorized'],
    ['a forged token', (_token, unit) => push('A'.repeat(43), pushBody([server.inspectionMutation(unit, 1)])), 401, 'unauthorized'],
    ['a negative pull cursor', (token) => server.request('/api/sync/pull?cursor=-1', { headers: { authorization: `Bearer ${token}` } }), 400, 'invalid_query'],
    ['a pull limit too large', (token) => server.request('/api/sync/pull?limit=100000', { headers: { authorization: `Bearer ${token}` } }), 400, 'invalid_query'],
    ['a body over the size limit', (token) => push(token, JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) })), 413, 'body_too_large'],
    ['an unknown API route', (token) => server.json('POST', '/api/nope', {}, token), 404, 'not_found'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const { token } = await server.login('petugas');
      const unit = server.unitIn('Kota Bandung');
      const before = changeLogCount();
      const response = await send(token, unit);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe(code);
      expect(body.message.length).toBeGreaterThan(0);
      expect(changeLogCount()).toBe(before);
      expect(server.sqlite.prepare('select count(*) n from devices').get()).toEqual({ n: 0 });
    });
  }
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
    // Nothing new: the same cursor comes back, with no changes.
    const again = await server.request(`/api/sync/pull?cursor=${all.cursor}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await again.json()).toMatchObject({ changes: [], cursor: all.cursor, hasMore: false });
  });

  it('S5: a change made after a pull arrives with a higher seq than the cursor', async () => {
    const { token } = await server.login('petugas');
    const { cursor } = await pullAll(token);
    await push(token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]));
    const next = await pullAll(token);
    const fresh = next.changes.filter((c) => c.seq > cursor);
    expect(fresh.map((c) => c.entity)).toEqual(['inspections']);
    expect(fresh[0]!.record.version).toBe(fresh[0]!.seq);
  });

  it('S6: returns only the regions the user may see (assigned and below)', async () => {
    const officer = await pullAll((await server.login('petugas')).token);
    const office = await pullAll((await server.login('kantor')).token);
    const bandungRegions = new Set(officer.changes.map((c) => c.regionId));
    expect(bandungRegions.size).toBe(2); // Kota Bandung and Coblong below it
    const siteNames = officer.changes.filter((c) => c.entity === 'sites').map((c) => c.record.name);
    expect(siteNames.sort()).toEqual(['Rusunawa Cigadung', 'Rusunawa Sadang Serang']);
    expect(office.changes.length).toBeGreaterThan(officer.changes.length);
    expect(office.changes.filter((c) => c.entity === 'sites')).toHaveLength(4);
  });

  it('S6: another region officer never receives the inspection', async () => {
    const officer = await server.login('petugas');
    await push(officer.token, pushBody([server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]));
    const other = await pullAll((await server.login('petugas.jaktim')).token);
    expect(other.changes.filter((c) => c.entity === 'inspections')).toEqual([]);
    const office = await pullAll((await server.login('kantor')).token);
    expect(office.changes.filter((c) => c.entity === 'inspections')).toHaveLength(1);
  });
});
