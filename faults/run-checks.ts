import { syncedEntities, type MutationResult } from '../schema';
import { checkInvariants, invariantList, type SqliteReader } from '../worker/fuzz/invariants';
import type { PushLedger } from '../worker/fuzz/push-ledger';
import type { SimDevice } from '../worker/fuzz/sim-device';
import { conflictRecords, rowVersions, savedWritesOnServer, unexplainedRowChanges, type SavedWrites } from './user-writes';

/** One check of one run: its name and what it found wrong (nothing, when it holds). */
export interface CheckResult {
  name: string;
  failures: string[];
  /** Failures of this check are data lost (a write gone or applied twice), not only a fault. */
  countsAsLoss: boolean;
}

/** The synced tables whose rows the row-change check compares. */
export const syncedTableNames = syncedEntities.map((e) => e.name);

/** The fuzz invariants (worker/fuzz/invariants.ts) by id, as this suite names them. */
const fuzzChecks: Record<(typeof invariantList)[number]['id'], { name: string; countsAsLoss: boolean }> = {
  'S2, S3': { name: 'none applied twice (S2, S3)', countsAsLoss: true },
  'S1, S13, S14': { name: 'no acknowledged write lost (S1)', countsAsLoss: true },
  'S7, S8, S17': { name: 'device and server converge (S7, S8, S17)', countsAsLoss: false },
  'S13, S14, S16': { name: 'no silent overwrite (S13, S14)', countsAsLoss: true },
  'S1, S8, S2, S17': { name: 'outbox drained, server file sound (integrity_check, digests)', countsAsLoss: false },
  S16: { name: 'a deleted record stays deleted (S16)', countsAsLoss: true },
  'S5, S17': { name: 'no unexplained re-download (S5, S17)', countsAsLoss: false },
};

/** "… and 12 more" at the end of a list cut short by the fuzz checks counts as 12 more. */
export function failureCount(failures: readonly string[]): number {
  const more = failures.at(-1)?.match(/^… and (\d+) more$/);
  return more ? failures.length - 1 + Number(more[1]) : failures.length;
}

/**
 * S1 and S2 where the server was restarted: api/main.ts compacts the change log at every start
 * (S21), which drops the row of a write that a later write of the same record superseded, so the
 * fuzz check's "exactly one change row" cannot hold there. Instead: every mutation the server
 * answered `applied` has exactly one stored answer, equal to the one given; at most one change
 * row; and if none, a later row of its record exists (it was superseded, then compacted). The
 * values themselves are checked against what the user saved (savedWritesOnServer).
 */
export function acknowledgedWritesKept(sqlite: SqliteReader, ledger: PushLedger): string[] {
  const failures: string[] = [];
  const stored = sqlite.prepare('select device_id deviceId, result from applied_mutations where mutation_id = ?');
  const rows = sqlite.prepare('select seq from change_log where mutation_id = ? and entity = ? and record_id = ?');
  const newest = sqlite.prepare('select max(seq) seq from change_log where entity = ? and record_id = ?');
  for (const { deviceId, mutation, result } of ledger.answers.values()) {
    if (result.status !== 'applied') continue;
    const m = `mutation ${mutation.id} (${mutation.op} ${mutation.entity}/${mutation.recordId}, seq ${mutation.seq})`;
    const answers = stored.all(mutation.id) as { deviceId: string; result: string }[];
    if (answers.length !== 1) {
      failures.push(`${m}: answered applied, ${answers.length} stored answers`);
      continue;
    }
    const answer = JSON.parse(answers[0]!.result) as MutationResult;
    if (answers[0]!.deviceId !== deviceId || JSON.stringify(answer) !== JSON.stringify(result)) {
      failures.push(`${m}: stored answer ${JSON.stringify(answer)} differs from the answer given ${JSON.stringify(result)}`);
    }
    // A delete of a record the server never had changes nothing, and says so (S16).
    if (mutation.op === 'delete' && result.appliedSeq === 0) continue;
    const own = (rows.all(mutation.id, mutation.entity, mutation.recordId) as { seq: number }[]).map((r) => r.seq);
    if (own.length > 1) failures.push(`${m}: written ${own.length} times (change rows ${own.join(', ')})`);
    else if (own.length === 1 && own[0] !== result.appliedSeq) failures.push(`${m}: change row at ${own[0]}, the answer says ${result.appliedSeq}`);
    else if (own.length === 0) {
      const last = (newest.all(mutation.entity, mutation.recordId)[0] as { seq: number | null } | undefined)?.seq ?? null;
      if (last === null || last <= result.appliedSeq) failures.push(`${m}: answered applied at ${result.appliedSeq}, no change row, and nothing later superseded it (newest ${last})`);
    }
  }
  return failures;
}

export interface RunCheckInput {
  sqlite: SqliteReader;
  baseUrl: string;
  /** The devices of this run, as the fuzz invariants read them (label, session, db). */
  devices: readonly SimDevice[];
  ledger: PushLedger;
  saved: SavedWrites;
  /** `rowVersions` of the server before the run. */
  rowsBefore: Map<string, number>;
  /** Whether the server started again during the run (and so compacted its change log, S21). */
  serverRestarted: boolean;
  unexplainedRedownloads?: readonly string[];
  /** Row changes the scenario expects beyond the saved writes (e.g. attachment records). */
  allowedRowChange?: (key: string) => boolean;
}

/** Every check of a run, in a fixed order: the fuzz invariants, then the saved writes, then the rows. */
export async function runChecks(input: RunCheckInput): Promise<{ checks: CheckResult[]; keptInConflicts: number; ofNewRecords: number }> {
  const fuzz = await checkInvariants({ baseUrl: input.baseUrl, sqlite: input.sqlite }, input.devices, input.ledger, input.saved.deletedInspections(), input.unexplainedRedownloads ?? []);
  const checks: CheckResult[] = fuzz.map((invariant) => {
    const named = fuzzChecks[invariant.id as keyof typeof fuzzChecks];
    if (invariant.id === 'S1, S13, S14' && input.serverRestarted) {
      return { name: `${named.name}, compaction-aware`, failures: acknowledgedWritesKept(input.sqlite, input.ledger), countsAsLoss: true };
    }
    return { name: named.name, failures: invariant.failures, countsAsLoss: named.countsAsLoss };
  });
  const onServer = savedWritesOnServer(input.sqlite, input.saved);
  checks.push({ name: 'every saved write on the server at its last value (or kept in a conflict record)', failures: onServer.lost, countsAsLoss: true });
  // A conflict record about a record the run wrote is the server keeping a value aside (S14, S22).
  const savedIds = new Set([...input.saved.records.values()].map((r) => r.id));
  const conflictsOfRun = new Set(conflictRecords(input.sqlite).filter((c) => savedIds.has(c.recordId)).map((c) => `conflicts/${c.id}`));
  checks.push({
    name: 'no server row changed that no device wrote',
    failures: unexplainedRowChanges(input.rowsBefore, rowVersions(input.sqlite, syncedTableNames), input.saved, (key) => conflictsOfRun.has(key) || (input.allowedRowChange?.(key) ?? false)),
    countsAsLoss: false,
  });
  // Which edits lost: one sent with no base (an edit of a new record the server had not echoed
  // back yet) is finding 1 of docs/reliability.md; others are S22 after a restart's compaction.
  const kept = new Set(onServer.keptInConflicts.map((r) => r.id));
  const lostWithoutBase = new Set(
    conflictRecords(input.sqlite)
      .filter((c) => kept.has(c.recordId) && input.ledger.answers.get(c.lostMutationId)?.mutation.baseVersion === null)
      .map((c) => c.recordId),
  );
  return { checks, keptInConflicts: kept.size, ofNewRecords: lostWithoutBase.size };
}
