import { syncedEntities } from '../schema';
import { checkInvariants, invariantList, type SqliteReader } from '../worker/fuzz/invariants';
import { PushLedger } from '../worker/fuzz/push-ledger';
import type { SimDevice } from '../worker/fuzz/sim-device';
import type { ServerUnderTest } from './server-under-test';
import { conflictRecords, rowVersions, SavedWrites, savedWritesOnServer, unexplainedRowChanges } from './user-writes';

/** One check of one run: its name and what it found wrong (nothing, when it holds). */
export interface CheckResult {
  name: string;
  failures: string[];
  /** Failures of this check are data lost (a write gone or applied twice), not only a fault. */
  countsAsLoss: boolean;
}

/** The synced tables whose rows the row-change check compares. */
export const syncedTableNames = syncedEntities.map((e) => e.name);

/**
 * What every run starts with: a fresh push ledger at the proxy, the network up, the server's row
 * versions to compare against afterwards, and an empty record of the user's saves.
 */
export function beginRun(server: ServerUnderTest): { rowsBefore: Map<string, number>; saved: SavedWrites } {
  server.proxy.ledger = new PushLedger();
  server.proxy.setNetworkDown(false);
  const reader = server.openReader();
  try {
    return { rowsBefore: rowVersions(reader, syncedTableNames), saved: new SavedWrites() };
  } finally {
    reader.close();
  }
}

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

export interface RunCheckInput {
  sqlite: SqliteReader;
  baseUrl: string;
  /** The devices of this run, as the fuzz invariants read them (label, session, db). */
  devices: readonly SimDevice[];
  ledger: PushLedger;
  saved: SavedWrites;
  /** `rowVersions` of the server before the run. */
  rowsBefore: Map<string, number>;
  unexplainedRedownloads?: readonly string[];
}

/** Every check of a run, in a fixed order: the fuzz invariants, then the saved writes, then the rows. */
export async function runChecks(input: RunCheckInput): Promise<{ checks: CheckResult[]; keptInConflicts: number; ofNewRecords: number }> {
  const fuzz = await checkInvariants({ baseUrl: input.baseUrl, sqlite: input.sqlite }, input.devices, input.ledger, input.saved.deletedInspections(), input.unexplainedRedownloads ?? []);
  const checks: CheckResult[] = fuzz.map((invariant) => {
    const named = fuzzChecks[invariant.id as keyof typeof fuzzChecks];
    return { name: named.name, failures: invariant.failures, countsAsLoss: named.countsAsLoss };
  });
  const onServer = savedWritesOnServer(input.sqlite, input.saved);
  checks.push({ name: 'every saved write on the server at its last value (or kept in a conflict record)', failures: onServer.lost, countsAsLoss: true });
  // A conflict record about a record the run wrote is the server keeping a value aside (S14, S22).
  const savedIds = new Set([...input.saved.records.values()].map((r) => r.id));
  const conflictsOfRun = new Set(conflictRecords(input.sqlite).filter((c) => savedIds.has(c.recordId)).map((c) => `conflicts/${c.id}`));
  checks.push({
    name: 'no server row changed that no device wrote',
    failures: unexplainedRowChanges(input.rowsBefore, rowVersions(input.sqlite, syncedTableNames), input.saved, (key) => conflictsOfRun.has(key)),
    countsAsLoss: false,
  });
  // Which edits lost to a conflict record: those sent without a base (a record created, then
  // changed again before its create came back) apart, for the report.
  const kept = new Set(onServer.keptInConflicts.map((r) => r.id));
  const lostWithoutBase = new Set(
    conflictRecords(input.sqlite)
      .filter((c) => kept.has(c.recordId) && input.ledger.answers.get(c.lostMutationId)?.mutation.baseVersion === null)
      .map((c) => c.recordId),
  );
  return { checks, keptInConflicts: kept.size, ofNewRecords: lostWithoutBase.size };
}
