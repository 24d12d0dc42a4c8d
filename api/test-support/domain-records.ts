import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders, type Mutation, type MutationResult, type PullResponse, type PushResponse, type WritableOf } from '../../schema';
import { makeKk, makeNik } from '../seed/identity-numbers';
import type { TestServer } from './test-server';

/** Records of the officer's domain and a device that pushes them, for tests against the real API. */

let serial = 1;
/** A fresh, well-formed NIK of someone born in Kota Bandung (Coblong). */
export function freshNik(sex: 'female' | 'male' = 'female', birthDate = '1990-12-05'): string {
  return makeNik('327302', birthDate, sex, serial++);
}

export function householdFields(regionId: string, overrides: Partial<WritableOf<'households'>> = {}): WritableOf<'households'> {
  return {
    id: uuidv7(),
    regionId,
    headName: 'Siti Aminah',
    headNik: freshNik('female', '1990-12-05'),
    kkNumber: makeKk('327302', '2020-05-20', serial++),
    birthDate: '1990-12-05',
    sex: 'female',
    maritalStatus: 'married',
    phone: '081234567890',
    currentHousing: 'renting',
    currentAddress: 'Jl. Cisitu Lama No. 7, Coblong, Bandung',
    hasLocalIdCard: true,
    ownsHouse: false,
    headOccupation: 'Pedagang',
    headIncome: { kind: 'informal', amount: 60_000, period: 'daily' },
    members: [],
    registeredBy: 'test',
    ...overrides,
  };
}

export function applicationFields(regionId: string, householdId: string, siteId: string, overrides: Partial<WritableOf<'applications'>> = {}): WritableOf<'applications'> {
  return {
    id: uuidv7(),
    regionId,
    householdId,
    siteId,
    status: 'draft',
    submittedAt: null,
    decisionNote: null,
    offeredUnitId: null,
    statement: 'Kontrakan akan dijual pemiliknya',
    createdBy: 'test',
    ...overrides,
  };
}

export type PendingMutation = Omit<Mutation, 'seq'>;

export function upsert(entity: string, fields: Record<string, unknown> & { id: string }, baseVersion: number | null = null): PendingMutation {
  return { id: uuidv7(), entity, op: 'upsert', recordId: fields.id, baseVersion, fields, clientTime: new Date().toISOString() };
}

export function edit(entity: string, recordId: string, baseVersion: number, fields: Record<string, unknown>): PendingMutation {
  return { id: uuidv7(), entity, op: 'upsert', recordId, baseVersion, fields, clientTime: new Date().toISOString() };
}

export function remove(entity: string, recordId: string, baseVersion: number): PendingMutation {
  return { id: uuidv7(), entity, op: 'delete', recordId, baseVersion, fields: {}, clientTime: new Date().toISOString() };
}

/** One signed-in device: numbers its mutations and pushes them through /api/sync/push. */
export async function deviceOf(server: TestServer, username: string) {
  const login = await server.login(username);
  const deviceId = uuidv7();
  let seq = 0;
  async function push(...mutations: PendingMutation[]): Promise<MutationResult[]> {
    const body = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations: mutations.map((m) => ({ ...m, seq: ++seq })) };
    const response = await server.json('POST', '/api/sync/push', body, login.token);
    if (response.status !== 200) throw new Error(`push by ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as PushResponse).results;
  }
  return { user: login.user, token: login.token, push };
}

export function appliedSeq(result: MutationResult | undefined): number {
  if (result?.status !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(result)}`);
  return result.appliedSeq;
}

export function rejectionCode(result: MutationResult | undefined): string {
  if (result?.status !== 'rejected') throw new Error(`expected rejected, got ${JSON.stringify(result)}`);
  return result.reason.code;
}

export function regionIdOf(server: TestServer, name: string): string {
  const row = server.sqlite.prepare('select id from regions where name = ?').get(name) as { id: string } | undefined;
  if (!row) throw new Error(`no region ${name}`);
  return row.id;
}

export function siteOf(server: TestServer, name: string): { id: string; regionId: string } {
  const row = server.sqlite.prepare('select id, region_id regionId from sites where name = ?').get(name) as { id: string; regionId: string } | undefined;
  if (!row) throw new Error(`no site ${name}`);
  return row;
}

export function versionOf(server: TestServer, table: string, id: string): number {
  return (server.sqlite.prepare(`select version from ${table} where id = ?`).get(id) as { version: number }).version;
}

/** Every change the user may pull, from the start of the log. */
export async function pullAll(server: TestServer, token: string): Promise<PullResponse['changes']> {
  const changes: PullResponse['changes'] = [];
  const headers = { authorization: `Bearer ${token}`, [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
  for (let cursor = 0; ; ) {
    const response = await server.request(`/api/sync/pull?cursor=${cursor}&limit=1000`, { headers });
    if (response.status !== 200) throw new Error(`pull: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}
