import type { Random } from '../worker/fuzz/random';
import type { CheckResult } from './run-checks';

/** What one run of a scenario gets: its own seeded randomness, and a place for progress lines. */
export interface RunContext {
  run: number;
  /** This run's seed (derived from the suite's seed, the fault and the run number): replays it. */
  seed: number;
  random: Random;
  log(line: string): void;
  /**
   * Self-test only: the scenario breaks something on purpose (say, drops an acknowledged write
   * on the server) before its checks, and one of them must catch it.
   */
  sabotage: boolean;
}

export interface RunResult {
  checks: CheckResult[];
  /** Writes the user was told were saved (or the server acknowledged) in this run. */
  writes: number;
  /**
   * Records whose last saved value the server kept aside in a conflict record instead (S14, S22):
   * not lost, but not where the user left it. Reported apart.
   */
  keptInConflicts: number;
  /** Of those, how many lost with an edit sent without a base (a record created, then changed again before its create came back). */
  ofNewRecords: number;
  /** One line about where the fault landed, for the report (e.g. "killed with 2 pushes in flight"). */
  note: string;
}

/**
 * One fault of the suite. `setUp` makes what the runs share (a server, a browser), `run` injects
 * the fault once at a moment chosen by the run's random, recovers, and checks; `tearDown` ends
 * whatever `setUp` started.
 */
export interface FaultScenario<Shared = unknown> {
  id: string;
  /** The row of the table in docs/reliability.md. */
  title: string;
  setUp(): Promise<Shared>;
  run(shared: Shared, context: RunContext): Promise<RunResult>;
  tearDown(shared: Shared): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking every `everyMs`; false if `timeoutMs` passes first. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}
