import { emptyHash, recordHash, syncedEntities, validators, xorHash, type EntityName, type MutationResult } from '../../schema';
import { fetchTransport } from '../transport';
import { historyTable } from './history-archive';
import type { PushLedger } from './push-ledger';
import type { SimDevice } from './sim-device';

/** The little of better-sqlite3 the checks use: they only read. */
export interface SqliteReader {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

export interface InvariantResult {
  /** The rules it proves, for the test title. */
  id: string;
  title: string;
  failures: string[];
}

interface ChangeRow {
  seq: number;
  entity: string;
  recordId: string;
  regionId: string;
  op: 'upsert' | 'delete';
  data: Record<string, unknown>;
  changedFields: string[] | null;
  deviceId: string | null;
  mutationId: string | null;
}

const key = (entity: string, id: string) => `${entity}/${id}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** JSON with keys sorted, so that two copies of a record compare whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
const maxListed = 20;
function limited(failures: string[]): string[] {
  return failures.length <= maxListed ? failures : [...failures.slice(0, maxListed), `… and ${failures.length - maxListed} more`];
}

function readServer(sqlite: SqliteReader) {
  // Every row ever written (history-archive.ts), when the run keeps them: compaction drops some.
  const archived = sqlite.prepare(`select name from sqlite_master where type = 'table' and name = ?`).all(historyTable).length > 0;
  const changes = (
    sqlite
      .prepare(
        `select seq, entity, record_id recordId, region_id regionId, op, data, changed_fields changedFields, device_id deviceId, mutation_id mutationId from ${archived ? historyTable : 'change_log'} order by seq`,
      )
      .all() as (Omit<ChangeRow, 'data' | 'changedFields'> & { data: string; changedFields: string | null })[]
  ).map((row): ChangeRow => ({ ...row, data: JSON.parse(row.data), changedFields: row.changedFields === null ? null : JSON.parse(row.changedFields) }));
  /** Each record's last change: the server's final state of it. */
  const latest = new Map<string, ChangeRow>();
  const byRecord = new Map<string, ChangeRow[]>();
  for (const change of changes) {
    latest.set(key(change.entity, change.recordId), change);
    byRecord.set(key(change.entity, change.recordId), [...(byRecord.get(key(change.entity, change.recordId)) ?? []), change]);
  }
  const applied = (sqlite.prepare('select mutation_id mutationId, device_id deviceId, seq, result from applied_mutations').all() as {
    mutationId: string;
    deviceId: string;
    seq: number;
    result: string;
  }[]).map((row) => ({ ...row, result: JSON.parse(row.result) as MutationResult }));
  const devices = sqlite.prepare('select id, last_mutation_seq lastSeq from devices').all() as { id: string; lastSeq: number }[];
  const [compaction] = sqlite.prepare('select compacted_through compactedThrough from change_log_compaction').all() as { compactedThrough: number }[];
  return { changes, latest, byRecord, applied, devices, compactedThrough: compaction?.compactedThrough ?? 0 };
}
type ServerState = ReturnType<typeof readServer>;

/** 1. S2, S3: a mutation has at most one effect, and one stored answer per (device, seq). */
function noDuplicates(server: ServerState, ledger: PushLedger): string[] {
  const failures: string[] = [];
  const rows = new Map<string, number[]>();
  for (const c of server.changes) {
    if (c.mutationId === null) continue;
    const k = `${c.mutationId} ${key(c.entity, c.recordId)}`;
    rows.set(k, [...(rows.get(k) ?? []), c.seq]);
  }
  for (const [k, seqs] of rows) if (seqs.length > 1) failures.push(`change_log: mutation ${k} written ${seqs.length} times (seqs ${seqs.join(', ')})`);
  const bySeq = new Map<string, number>();
  for (const a of server.applied) bySeq.set(`${a.deviceId}#${a.seq}`, (bySeq.get(`${a.deviceId}#${a.seq}`) ?? 0) + 1);
  for (const [k, n] of bySeq) if (n > 1) failures.push(`applied_mutations: ${n} rows for device#seq ${k}`);
  for (const d of server.devices) {
    for (let seq = 1; seq <= d.lastSeq; seq++) if (!bySeq.has(`${d.id}#${seq}`)) failures.push(`applied_mutations: device ${d.id} has no answer stored for seq ${seq} (last ${d.lastSeq})`);
  }
  const known = new Map(server.devices.map((d) => [d.id, d.lastSeq]));
  for (const a of server.applied) if (a.seq > (known.get(a.deviceId) ?? 0)) failures.push(`applied_mutations: ${a.mutationId} at seq ${a.seq} above its device's last seq`);
  failures.push(...ledger.unstableAnswers.map((m) => `S3: two different answers: ${m}`));
  return failures;
}

/**
 * 2. No acknowledged write lost. For each mutation the server answered `applied` (whether or not
 * the answer reached the device): its stored answer is that one; it wrote exactly the one change
 * row of its record that the answer names (a delete of a record the server never had: none, and
 * appliedSeq 0); and each field it set either still has its value on the server, or was set
 * again by a later change row of another mutation that names the field (or all fields), or lost
 * to a concurrent edit and sits in a conflict record naming this mutation (field or "*"), or the
 * record has been deleted. A delete must leave the record deleted.
 */
function noAcknowledgedWriteLost(server: ServerState, ledger: PushLedger): string[] {
  const failures: string[] = [];
  const stored = new Map(server.applied.map((a) => [a.mutationId, a]));
  const conflictsByMutation = new Map<string, Set<string>>();
  for (const c of server.latest.values()) {
    if (c.entity !== 'conflicts') continue;
    const id = String(c.data.lostMutationId);
    conflictsByMutation.set(id, (conflictsByMutation.get(id) ?? new Set()).add(String(c.data.field)));
  }
  for (const { deviceId, mutation, result } of ledger.answers.values()) {
    if (result.status !== 'applied') continue;
    const m = `mutation ${mutation.id} (${mutation.op} ${mutation.entity} ${mutation.recordId})`;
    const row = stored.get(mutation.id);
    if (!row) {
      failures.push(`${m}: answered applied, but not in applied_mutations`);
      continue;
    }
    if (row.deviceId !== deviceId || !same(row.result, result)) failures.push(`${m}: stored answer ${JSON.stringify(row.result)} differs from the answer given ${JSON.stringify(result)}`);
    const history = server.byRecord.get(key(mutation.entity, mutation.recordId)) ?? [];
    // A delete of a record the server never had changes nothing, and says so with appliedSeq 0 (S16).
    if (mutation.op === 'delete' && result.appliedSeq === 0 && history.length === 0) continue;
    const own = history.filter((c) => c.mutationId === mutation.id);
    if (own.length !== 1 || own[0]!.seq !== result.appliedSeq) {
      failures.push(`${m}: its record has change rows at [${own.map((c) => c.seq).join(', ')}], the answer says appliedSeq ${result.appliedSeq}`);
      continue;
    }
    const final = server.latest.get(key(mutation.entity, mutation.recordId))!;
    const deleted = final.data.deleted === true;
    if (mutation.op === 'delete') {
      if (!deleted) failures.push(`${m}: the record is not deleted on the server`);
      continue;
    }
    const lostFields = conflictsByMutation.get(mutation.id) ?? new Set();
    for (const [field, value] of Object.entries(mutation.fields)) {
      if (deleted || same(final.data[field], value) || lostFields.has(field) || lostFields.has('*')) continue;
      const overwrittenBy = history.find((c) => c.seq > own[0]!.seq && c.mutationId !== mutation.id && (c.changedFields === null || c.changedFields.includes(field)));
      if (!overwrittenBy) {
        failures.push(`${m}: field ${field} = ${JSON.stringify(value)} is gone: the server holds ${JSON.stringify(final.data[field])}, no later change set it, no conflict keeps it`);
      }
    }
  }
  return failures;
}

/** Each user's records as the server serves them: every change pulled from 0, folded to the latest. */
async function serverViewOf(baseUrl: string, token: string): Promise<Map<string, Record<string, unknown>>> {
  const transport = fetchTransport(baseUrl);
  const latest = new Map<string, { entity: string; record: Record<string, unknown> }>();
  for (let cursor = 0; ; ) {
    const page = await transport.pull(token, cursor, 1000);
    for (const c of page.changes) latest.set(key(c.entity, c.recordId), { entity: c.entity, record: c.record });
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const live = new Map<string, Record<string, unknown>>();
  for (const [k, { entity, record }] of latest) {
    if (record.deleted === true) continue;
    live.set(k, validators[entity as EntityName].record.parse(record) as Record<string, unknown>);
  }
  return live;
}

/** 3. S7, S8, S17: after the final syncs, each device holds exactly what the server serves its user. */
async function convergence(baseUrl: string, devices: readonly SimDevice[]): Promise<string[]> {
  const failures: string[] = [];
  const views = new Map<string, Map<string, Record<string, unknown>>>();
  for (const device of devices) {
    const userId = device.session.user.id;
    if (!views.has(userId)) views.set(userId, await serverViewOf(baseUrl, (await device.db.getMeta('session'))!.token));
    const expected = views.get(userId)!;
    const held = new Map<string, Record<string, unknown>>();
    for (const entity of syncedEntities) {
      for (const record of await device.db.entityTable(entity.name).toArray()) held.set(key(entity.name, String(record.id)), record);
    }
    const problems: string[] = [];
    for (const [k, record] of expected) {
      const mine = held.get(k);
      if (!mine) problems.push(`missing ${k} (server version ${String(record.version)})`);
      else if (canonical(mine) !== canonical(record)) problems.push(`differs ${k}: device ${canonical(mine)} server ${canonical(record)}`);
    }
    for (const k of held.keys()) if (!expected.has(k)) problems.push(`extra ${k} (device version ${String(held.get(k)!.version)})`);
    failures.push(...problems.map((p) => `${device.label}: ${p}`));
  }
  return failures;
}

/**
 * 4. S13, S14, S16: every lost value the server reported in an answer has its conflict record
 * (same id, field, mutation and lost value), and every conflict record on the server is reported
 * in its mutation's stored answer. And no overwrite is silent: an applied edit that changed a
 * field must not have been concurrent with another device's change of that field, i.e. no change
 * row of another device set the field after the edit's base version and before the edit.
 */
function overwritesRecorded(server: ServerState, ledger: PushLedger): string[] {
  const failures: string[] = [];
  for (const reported of ledger.reportedConflicts()) {
    const record = server.latest.get(key('conflicts', reported.conflictId))?.data;
    const mutation = ledger.answers.get(reported.mutationId)!.mutation;
    if (!record) failures.push(`conflict ${reported.conflictId} (field ${reported.field} of mutation ${reported.mutationId}) was reported but does not exist`);
    else if (record.field !== reported.field || record.lostMutationId !== reported.mutationId) {
      failures.push(`conflict ${reported.conflictId}: reported as ${reported.field} of ${reported.mutationId}, holds ${String(record.field)} of ${String(record.lostMutationId)}`);
    } else if (reported.field !== '*' && !same(record.lostValue, mutation.fields[reported.field])) {
      failures.push(`conflict ${reported.conflictId}: lost value ${JSON.stringify(record.lostValue)}, the mutation sent ${JSON.stringify(mutation.fields[reported.field])}`);
    } else if (reported.field !== '*') {
      // A value lost to nobody: no other device (or the server) changed the record between the
      // base and this mutation. Only a compaction may make the server cautious (S22), and only if
      // a row after the base lies at or below the watermark.
      const { deviceId } = ledger.answers.get(reported.mutationId)!;
      const history = server.byRecord.get(key(mutation.entity, mutation.recordId)) ?? [];
      const own = history.find((c) => c.mutationId === mutation.id);
      const between = history.filter((c) => c.seq > (mutation.baseVersion ?? 0) && own && c.seq < own.seq);
      const byOthers = between.some((c) => c.deviceId !== deviceId);
      const compactionMayExplain = between.some((c) => c.seq <= server.compactedThrough);
      if (own && !byOthers && !compactionMayExplain) {
        failures.push(`conflict ${reported.conflictId}: field ${reported.field} of mutation ${reported.mutationId} lost, though only its own device changed ${mutation.entity}/${mutation.recordId} after base ${mutation.baseVersion}`);
      }
    }
  }
  for (const { deviceId, mutation, result } of ledger.answers.values()) {
    if (result.status !== 'applied' || mutation.op !== 'upsert' || mutation.baseVersion === null) continue;
    const history = server.byRecord.get(key(mutation.entity, mutation.recordId)) ?? [];
    const own = history.find((c) => c.mutationId === mutation.id);
    for (const field of own?.changedFields ?? []) {
      const concurrent = history.find(
        (c) => c.seq > mutation.baseVersion! && c.seq < own!.seq && c.deviceId !== deviceId && (c.changedFields === null || c.changedFields.includes(field)),
      );
      if (concurrent) {
        failures.push(`mutation ${mutation.id} (base ${mutation.baseVersion}) overwrote ${mutation.entity}/${mutation.recordId}.${field} set concurrently at seq ${concurrent.seq}, with no conflict record`);
      }
    }
  }
  const inAnswers = new Set<string>();
  for (const a of server.applied) if (a.result.status === 'applied') for (const c of a.result.conflicts ?? []) inAnswers.add(c.conflictId);
  for (const c of server.latest.values()) {
    if (c.entity === 'conflicts' && !inAnswers.has(c.recordId)) failures.push(`conflict ${c.recordId} (mutation ${String(c.data.lostMutationId)}) is in no stored answer`);
  }
  return failures;
}

/** 5. S1, S8, S2, S17: outboxes empty; the server file sound, each record at its last change, digests right. */
async function settled(sqlite: SqliteReader, server: ServerState, devices: readonly SimDevice[]): Promise<string[]> {
  const failures: string[] = [];
  const answered = new Map(server.applied.map((a) => [a.mutationId, a]));
  const lastSeq = new Map(server.devices.map((d) => [d.id, d.lastSeq]));
  for (const device of devices) {
    const left = (await device.db.outbox.toArray()).sort((a, b) => Number(b.state === 'pending') - Number(a.state === 'pending') || a.seq - b.seq);
    if (left.length === 0) continue;
    // Where a stuck entry stands on the server says why it is stuck.
    const states = left.map((e) => {
      const onServer = answered.get(e.mutationId);
      const where = onServer ? `, server answered it ${onServer.result.status} at seq ${onServer.seq}` : ', not on the server';
      return `${e.state} seq ${e.seq} ${e.op} ${e.entity} ${e.recordId}${e.rejection ? ` (${e.rejection.code})` : ''}${e.state === 'pending' ? where : ''}`;
    });
    const status = (await device.db.getMeta('syncStatus'))?.lastError;
    failures.push(
      `${device.label}: ${left.length} outbox entries left (server's last seq for the device ${lastSeq.get(device.session.deviceId) ?? 0}; last error ${status ? `${status.kind} ${status.code ?? ''} ${status.message}` : 'none'}): ${states.slice(0, 6).join('; ')}`,
    );
  }
  const integrity = sqlite.prepare('pragma integrity_check').all() as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') failures.push(`integrity_check: ${JSON.stringify(integrity)}`);

  const digests = new Map<string, { count: number; hash: string }>();
  for (const entity of syncedEntities) {
    const rows = sqlite.prepare(`select id, version, deleted from ${entity.name}`).all() as { id: string; version: number; deleted: number }[];
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      const last = server.latest.get(key(entity.name, row.id));
      if (!last || last.seq !== row.version || (row.deleted === 1) !== (last.data.deleted === true)) {
        failures.push(`${entity.name} ${row.id}: row at version ${row.version} deleted ${row.deleted}, last change ${last ? `${last.seq} ${last.op}` : 'none'}`);
      }
      if (row.deleted === 1 || !last) continue;
      const d = digests.get(last.regionId) ?? { count: 0, hash: emptyHash };
      digests.set(last.regionId, { count: d.count + 1, hash: xorHash(d.hash, recordHash(entity.name, row.id, row.version)) });
    }
    for (const k of server.latest.keys()) if (k.startsWith(`${entity.name}/`) && !seen.has(k.slice(entity.name.length + 1))) failures.push(`${k}: in change_log, no row`);
  }
  const stored = sqlite.prepare('select region_id regionId, record_count count, hash from region_digests').all() as { regionId: string; count: number; hash: string }[];
  for (const regionId of new Set([...digests.keys(), ...stored.map((s) => s.regionId)])) {
    const want = digests.get(regionId) ?? { count: 0, hash: emptyHash };
    const got = stored.find((s) => s.regionId === regionId) ?? { count: 0, hash: emptyHash };
    if (want.count !== got.count || want.hash !== got.hash) failures.push(`region ${regionId}: digest ${got.count}:${got.hash}, records give ${want.count}:${want.hash}`);
  }
  return failures;
}

/** 6. S16: a record a device deleted is not live on the server at the end (devices follow from 3). */
function deletesStay(server: ServerState, deleted: ReadonlySet<string>): string[] {
  const failures: string[] = [];
  for (const id of deleted) {
    const final = server.latest.get(key('inspections', id));
    if (final && final.data.deleted !== true) {
      failures.push(`inspections/${id} was deleted on a device but is live on the server (last change ${final.seq}, mutation ${final.mutationId ?? 'none'})`);
    }
  }
  return failures;
}

/** The invariants, in the order `checkInvariants` returns them; the test titles come from here. */
export const invariantList = [
  { id: 'S2, S3', title: 'no mutation takes effect twice; one stored answer per device seq; answers never change' },
  { id: 'S1, S13, S14', title: 'no acknowledged write is lost' },
  { id: 'S7, S8, S17', title: 'every device converges on what the server serves its user' },
  { id: 'S13, S14, S16', title: 'every concurrent overwrite is in a conflict record' },
  { id: 'S1, S8, S2, S17', title: 'outboxes are empty; the server database is sound' },
  { id: 'S16', title: 'a record deleted on a device stays deleted' },
  // Pulls alone keep a device's digests equal to the server's: a region is re-downloaded only
  // after its copy was damaged on purpose. Otherwise convergence would hide a pull bug.
  { id: 'S5, S17', title: 'only damaged regions are ever re-downloaded' },
] as const;

export async function checkInvariants(
  server: { baseUrl: string; sqlite: SqliteReader },
  devices: readonly SimDevice[],
  ledger: PushLedger,
  deleted: ReadonlySet<string>,
  unexplainedRedownloads: readonly string[],
): Promise<InvariantResult[]> {
  const state = readServer(server.sqlite);
  const failures = [
    noDuplicates(state, ledger),
    noAcknowledgedWriteLost(state, ledger),
    await convergence(server.baseUrl, devices),
    overwritesRecorded(state, ledger),
    await settled(server.sqlite, state, devices),
    deletesStay(state, deleted),
    [...unexplainedRedownloads],
  ];
  return invariantList.map((invariant, i) => ({ ...invariant, failures: limited(failures[i]!) }));
}
