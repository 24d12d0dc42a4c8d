import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, entities, uuidv7, versionHeaders, type Mutation } from '../schema';
import { rebuildDigestsIfMissing } from './sync/rebuild-digests';
import { householdFields, regionIdOf } from './test-support/domain-records';
import { createTestServer, type TestServer } from './test-support/test-server';

// A bad-input run against every API route: malformed JSON, wrong types, huge strings, Unicode
// edge cases, SQL fragments, path traversal, missing and forged tokens, replayed requests. It
// reports how many requests it tried and how many were answered 5xx (the target is zero), and
// checks that SQLite's integrity check passes and that no stored record changed.

const nasty: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(100_000),
  "' OR 1=1 --",
  "'); DROP TABLE units; --",
  '"; DELETE FROM change_log; --',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '\u0000',
  '\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '👩‍👩‍👧‍👦'.repeat(1000),
  'Z\u0351\u0352\u0353\u0354\u0355'.repeat(50),
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  [],
  [1, 2, 3],
  {},
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { $gt: '' },
  '2026-13-45',
  'NaN',
  '1e309',
];

/** A seeded PRNG, so that a failing run can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percent-encodes a value; a lone surrogate becomes invalid UTF-8 on the wire, itself a case. */
function encode(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

let server: TestServer;
let token: string;
let adminToken: string;
let bandungId: string;
let validPush: { protocolVersion: number; schemaVersion: number; deviceId: string; mutations: Mutation[] };
const seed = Number(process.env.BAD_INPUT_SEED ?? 20261125);

beforeAll(async () => {
  server = await createTestServer();
  token = (await server.login('petugas')).token;
  adminToken = (await server.login('admin')).token;
  bandungId = regionIdOf(server, 'Kota Bandung');
  validPush = {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    deviceId: uuidv7(),
    mutations: [server.inspectionMutation(server.unitIn('Kota Bandung'), 1)],
  };
});
afterAll(() => server.close());

/** Every record and change, by table and rowid, to compare before and after. */
function storedRows(): Map<string, Map<number, string>> {
  const tables = [...entities.map((e) => e.name), 'change_log'];
  return new Map(
    tables.map((t) => [
      t,
      new Map((server.sqlite.prepare(`select rowid as _rowid, * from ${t}`).all() as { _rowid: number }[]).map((row) => [row._rowid, JSON.stringify(row)])),
    ]),
  );
}

function setPath(target: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const mutationPaths: (string | number)[][] = [
  ['deviceId'],
  ['protocolVersion'],
  ['schemaVersion'],
  ['mutations'],
  ['mutations', 0],
  ['mutations', 0, 'id'],
  ['mutations', 0, 'seq'],
  ['mutations', 0, 'entity'],
  ['mutations', 0, 'op'],
  ['mutations', 0, 'recordId'],
  ['mutations', 0, 'baseVersion'],
  ['mutations', 0, 'clientTime'],
  ['mutations', 0, 'fields'],
  ['mutations', 0, 'fields', 'notes'],
  ['mutations', 0, 'fields', 'unitId'],
  ['mutations', 0, 'fields', 'regionId'],
  ['mutations', 0, 'fields', 'conditionRating'],
  ['mutations', 0, 'fields', 'inspectedOn'],
  ['mutations', 0, 'fields', 'type'],
  ['mutations', 0, 'fields', 'version'],
];

describe('bad input against every API route', () => {
  it('never answers 5xx, keeps the database intact and changes no stored record', async () => {
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const auth = (kind: number): Record<string, string> =>
      [
        { authorization: `Bearer ${token}` },
        {},
        { authorization: 'Bearer' },
        { authorization: `Bearer ${'A'.repeat(43)}` },
        { authorization: `Basic ${token}` },
        { authorization: `Bearer ${token}'; --` },
        { authorization: `Bearer ${'x'.repeat(10_000)}` },
      ][kind % 7]!;
    const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };

    // The one valid write, made and replayed before the snapshot: replays must change nothing.
    expect((await server.json('POST', '/api/sync/push', validPush, token)).status).toBe(200);
    const before = storedRows();

    const statuses = new Map<number, number>();
    const fiveHundreds: string[] = [];
    let tried = 0;
    const send = async (label: string, path: string, init: RequestInit, expectJson = true) => {
      tried++;
      const response = await server.request(path, init);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) fiveHundreds.push(`${label}: ${response.status} ${await response.text()}`);
      else if (expectJson) expect(response.headers.get('content-type') ?? '', label).toContain('application/json');
    };

    const total = process.env.BAD_INPUT_REQUESTS ? Number(process.env.BAD_INPUT_REQUESTS) : 1500;
    for (let i = 0; i < total; i++) {
      // Half the requests carry a good token, so that they get past authentication to the validation.
      const headers = { 'content-type': 'application/json', ...versions, ...auth(random() < 0.5 ? 0 : 1 + Math.floor(random() * 6)) };
      // The administrator's routes get an administrator's token half the time, or they would
      // never get past the role check to the validation.
      const adminHeaders = { ...headers, ...(random() < 0.5 ? { authorization: `Bearer ${adminToken}` } : {}) };
      switch (i % 10) {
        case 0: {
          // The valid push replayed, or as a new device's first push with one field replaced by
          // something nasty (a new device, so that it is validated rather than answered as a replay).
          const fresh = { ...validPush, deviceId: uuidv7(), mutations: [{ ...validPush.mutations[0]!, id: uuidv7(), recordId: uuidv7() }] };
          fresh.mutations[0]!.fields = { ...fresh.mutations[0]!.fields, id: fresh.mutations[0]!.recordId };
          const body = random() < 0.1 ? validPush : setPath(fresh, pick(mutationPaths), pick(nasty));
          await send(`push #${i}`, '/api/sync/push', { method: 'POST', headers, body: JSON.stringify(body) });
          break;
        }
        case 1: {
          const raw = pick(['', '{', '{"a":', '[', 'null', '"text"', '{"mutations": [}', '\u0000', '{'.repeat(5000), JSON.stringify(pick(nasty))]);
          await send(`raw push #${i}`, '/api/sync/push', { method: 'POST', headers, body: raw });
          break;
        }
        case 2: {
          const body = JSON.stringify({ username: pick(nasty), password: pick(nasty) });
          await send(`login #${i}`, '/api/auth/login', { method: 'POST', headers, body });
          break;
        }
        case 3: {
          const value = encode(pick(nasty));
          await send(`pull #${i}`, `/api/sync/pull?cursor=${value}&limit=${pick([value, '1', '1000', '1001', '-5'])}`, { headers });
          break;
        }
        case 4: {
          const route = random();
          if (route < 0.4) {
            await send(`snapshot #${i}`, `/api/sync/snapshot?regionId=${encode(pick(nasty))}`, { headers });
          } else if (route < 0.7) {
            // A device report (S26) with one field nasty; a valid one only adds or updates a devices row.
            const report = { deviceId: uuidv7(), appVersion: '0.1.0', schemaVersion: SCHEMA_VERSION, protocolVersion: PROTOCOL_VERSION, pendingCount: 0, pendingUploads: 0, lastSyncAt: null };
            const body = random() < 0.2 ? pick(['', '{', '[]', 'null']) : JSON.stringify({ ...report, [pick(Object.keys(report))]: pick(nasty) });
            await send(`device report #${i}`, '/api/sync/device-report', { method: 'POST', headers, body });
          } else if (route < 0.85) {
            // A record's history (S27) with a nasty or unknown entity and id.
            const entity = pick(['inspections', 'users', 'units', encode(pick(nasty))]);
            await send(`history #${i}`, `/api/history/${entity}/${random() < 0.5 ? encode(pick(nasty)) : uuidv7()}`, { headers: adminHeaders });
          } else {
            await send(`office devices #${i}`, `/api/office/devices?x=${encode(pick(nasty))}`, { headers: adminHeaders });
          }
          break;
        }
        case 5: {
          const path = pick(['/api/', '/api/sync', '/api/sync/../auth/login', '/api/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/api/sync/push?x=' + 'y'.repeat(5000), '/assets/..%2f..%2fpackage.json', '/api/attachments/..%2f..%2fhunian-secret.key', '/api/admin/users/..%2f..%2fusers']);
          // Odd paths may land on the app shell (a navigation), so they need not answer JSON.
          await send(`path #${i}`, path, { method: pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']), headers, body: undefined }, false);
          break;
        }
        case 6: {
          // A new user with one field replaced by something nasty (most such bodies are refused;
          // one that is valid only adds a user, which the row check allows).
          const user = { username: `baru${i}`, displayName: 'Pengguna Baru', role: 'field_officer', regionIds: [bandungId], password: 'kata-sandi-panjang' };
          const field = pick(Object.keys(user));
          const body = random() < 0.2 ? pick(['', '{', '[]', 'null']) : JSON.stringify({ ...user, [field]: pick(nasty) });
          await send(`admin create #${i}`, '/api/admin/users', { method: 'POST', headers: adminHeaders, body });
          break;
        }
        case 7: {
          // Changes to users that do not exist (ids nasty or unknown): existing users must not change.
          const id = random() < 0.5 ? encode(pick(nasty)) : uuidv7();
          const [method, path, body] = pick([
            ['PATCH', `/api/admin/users/${id}`, JSON.stringify({ displayName: pick(nasty), active: pick(nasty) })],
            ['POST', `/api/admin/users/${id}/password`, JSON.stringify({ password: pick(nasty) })],
            ['POST', `/api/admin/users/${id}/revoke-sessions`, '{}'],
          ] as const);
          await send(`admin ${method} #${i}`, path, { method, headers: adminHeaders, body });
          break;
        }
        case 8: {
          // Attachment bytes: nasty or unknown hashes, no record naming them, wrong types and lengths.
          const hash = pick([encode(pick(nasty)), 'a'.repeat(64), 'A'.repeat(64), '..%2F..%2Fhunian.sqlite', 'g'.repeat(64), '0'.repeat(63)]);
          const bytes = pick([new Uint8Array(0), new Uint8Array(16).fill(255), new TextEncoder().encode(String(pick(nasty)))]);
          if (random() < 0.5) {
            await send(`attachment put #${i}`, `/api/attachments/${hash}`, { method: 'PUT', headers: { ...headers, 'content-type': pick(['image/jpeg', 'text/html', 'application/x-sh', '']), 'content-length': pick([String(bytes.length), '999999999', '-1']) }, body: bytes });
          } else {
            await send(`attachment get #${i}`, `/api/attachments/${hash}`, { method: pick(['GET', 'HEAD']), headers }, false);
          }
          break;
        }
        case 9: {
          if (random() < 0.3) {
            // Sign-out with broken or missing tokens only: the good one must keep working.
            await send(`logout #${i}`, '/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json', ...versions, ...auth(1 + Math.floor(random() * 6)) } });
            break;
          }
          // A household (the domain's richest record: NIK, KK, members, incomes) with one field nasty.
          const household: Record<string, unknown> = householdFields(bandungId);
          const field = pick([...Object.keys(household), 'members', 'headIncome', 'headNik']);
          household[field] = pick([...nasty, [{ key: 'x', name: pick(nasty) }], { kind: 'formal', amount: pick(nasty), period: 'monthly' }, '3273014512000000', '1'.repeat(16)]);
          const mutation = { id: uuidv7(), seq: 1, entity: 'households', op: 'upsert', recordId: String(household.id ?? uuidv7()), baseVersion: null, fields: household, clientTime: new Date().toISOString() };
          await send(`household push #${i}`, '/api/sync/push', { method: 'POST', headers, body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: uuidv7(), mutations: [mutation] }) });
          break;
        }
      }
    }

    console.log(`bad-input run (seed ${seed}): ${tried} requests, ${fiveHundreds.length} answered 5xx; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(fiveHundreds).toEqual([]);
    expect(server.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // No row that existed before changed or went away. New rows are writes the server accepted
    // (odd but valid text, such as SQL fragments or markup as notes), stored as plain values.
    const after = storedRows();
    for (const [table, rows] of before) {
      for (const [rowid, row] of rows) expect(after.get(table)!.get(rowid), `${table} row ${rowid}`).toBe(row);
    }
    const added = after.get('inspections')!.size - before.get('inspections')!.size;
    const households = after.get('households')!.size - before.get('households')!.size;
    console.log(`bad-input run: ${added} odd but valid inspections and ${households} households accepted and stored as text`);
    // The good token still works: no bad request ended its session.
    expect((await server.request('/api/sync/pull?cursor=0&limit=1', { headers: { authorization: `Bearer ${token}`, ...versions } })).status).toBe(200);
    // The region digests still describe the records exactly (S17).
    expect(await rebuildDigestsIfMissing(server.storage)).toBe(false);
  });
});
