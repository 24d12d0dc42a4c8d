import { parseArgs } from 'node:util';
import { freshSeed, Random } from '../worker/fuzz/random';
import type { FaultScenario, RunResult } from '../faults/fault-scenario';
import { failureCount } from '../faults/run-checks';
import { BrowserApp } from '../faults/browser/browser-app';
import { scenarios } from '../faults/scenarios';
import { ServerUnderTest } from '../faults/server-under-test';

// `npm run test:faults -- --runs 20 [--seed S] [--only id,id] [--run K] [--self-test]`: the
// fault-injection suite (faults/). Each fault runs N times, each time at moments its run's seed
// picks; after each run every check is made. Prints one table (fault, runs, survived, data lost)
// and exits 1 if any run failed a check. `--self-test` instead runs each fault once with a loss
// planted on purpose, and exits 1 unless the checks catch every one. `npm test` runs `--runs 2`.
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    seed: { type: 'string' },
    only: { type: 'string' },
    run: { type: 'string' },
    'self-test': { type: 'boolean', default: false },
  },
});
const seed = values.seed === undefined ? freshSeed() : Number(values.seed);
const runs = Number(values.runs);
const onlyRun = values.run === undefined ? undefined : Number(values.run);
const only = values.only?.split(',').map((s) => s.trim());
const selfTest = values['self-test'];
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || (onlyRun !== undefined && !Number.isInteger(onlyRun))) {
  console.error('usage: npm run test:faults -- [--runs N] [--seed S] [--only id,id] [--run K] [--self-test]');
  process.exit(2);
}
const unknown = only?.filter((id) => !scenarios.some((s) => s.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown fault ${unknown.join(', ')}; faults: ${scenarios.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

/** A run's seed from the suite's, the fault and the run number: the same whichever faults run. */
function runSeed(faultId: string, run: number): number {
  let h = seed >>> 0;
  for (const c of `${faultId}#${run}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

interface FaultTally {
  scenario: FaultScenario;
  runs: number;
  survived: number;
  lost: number;
  writes: number;
  keptInConflicts: number;
  ofNewRecords: number;
  seconds: number;
  failed: { run: number; seed: number; lines: string[] }[];
  caught?: string[];
}

const replay = (id: string, run: number) => `npm run test:faults -- --seed ${seed} --only ${id} --run ${run}${selfTest ? ' --self-test' : ''}`;

async function runScenario(scenario: FaultScenario): Promise<FaultTally> {
  const tally: FaultTally = { scenario, runs: 0, survived: 0, lost: 0, writes: 0, keptInConflicts: 0, ofNewRecords: 0, seconds: 0, failed: [] };
  const started = Date.now();
  const shared = await scenario.setUp();
  try {
    const numbers = selfTest ? [onlyRun ?? 1] : onlyRun !== undefined ? [onlyRun] : Array.from({ length: runs }, (_, i) => i + 1);
    for (const run of numbers) {
      const s = runSeed(scenario.id, run);
      let result: RunResult;
      const t = Date.now();
      try {
        result = await scenario.run(shared, { run, seed: s, random: new Random(s), sabotage: selfTest, log: (line) => console.log(`    ${scenario.id} #${run}: ${line}`) });
      } catch (error) {
        // A run that could not finish proves nothing: it counts as not survived.
        result = { checks: [{ name: 'the run completed', failures: [error instanceof Error ? (error.stack ?? error.message) : String(error)], countsAsLoss: false }], writes: 0, keptInConflicts: 0, ofNewRecords: 0, note: 'crashed' };
      }
      tally.runs++;
      tally.writes += result.writes;
      tally.keptInConflicts += result.keptInConflicts;
      tally.ofNewRecords += result.ofNewRecords;
      const failing = result.checks.filter((c) => c.failures.length > 0);
      const lost = failing.filter((c) => c.countsAsLoss).reduce((n, c) => n + failureCount(c.failures), 0);
      tally.lost += lost;
      console.log(`  ${scenario.id} #${run} (seed ${s}, ${((Date.now() - t) / 1000).toFixed(1)} s): ${failing.length === 0 ? 'survived' : `FAILED ${failing.map((c) => c.name).join('; ')}`}`);
      // A clean run passes every check, so any check that fails has caught the planted loss.
      if (selfTest) tally.caught = failing.filter((c) => c.name !== 'the run completed').map((c) => c.name);
      if (failing.length === 0) tally.survived++;
      else tally.failed.push({ run, seed: s, lines: failing.flatMap((c) => [`${c.name}:`, ...c.failures.slice(0, 8).map((f) => `  ${f}`)]) });
    }
  } finally {
    await scenario.tearDown(shared);
  }
  tally.seconds = (Date.now() - started) / 1000;
  return tally;
}

console.log(`fault injection: seed ${seed}, ${selfTest ? 'self-test (a loss planted in each run)' : `${onlyRun === undefined ? runs : 1} run(s) per fault`}`);
const tallies: FaultTally[] = [];
for (const scenario of scenarios.filter((s) => !only || only.includes(s.id))) {
  console.log(`\n▶ ${scenario.title} (${scenario.id})`);
  tallies.push(await runScenario(scenario));
}
await BrowserApp.closeShared();
await ServerUnderTest.closeShared();

const rows = selfTest
  ? [['fault', 'planted loss caught by'], ...tallies.map((t) => [t.scenario.title, t.caught && t.caught.length > 0 ? t.caught.join('; ') : 'NOT CAUGHT'])]
  : [
      ['fault', 'runs', 'survived', 'data lost'],
      ...tallies.map((t) => [t.scenario.title, String(t.runs), String(t.survived), `${t.lost} of ${t.writes} saved writes`]),
    ];
console.log(`\n${rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n')}`);
for (const t of tallies.filter((t) => t.keptInConflicts > 0)) {
  console.log(
    `note: ${t.scenario.id}: ${t.keptInConflicts} saved records ended with their last value in a conflict record rather than on the record, kept, not lost (S14); ` +
      `after a restart the server judges an edit whose base the compaction passed conservatively (S22). ${t.ofNewRecords} of them were edits sent without a base ` +
      `(a record created, then changed again before its create came back). See docs/reliability.md.`,
  );
}
console.log(`\nseed ${seed}; ${tallies.map((t) => `${t.scenario.id} ${t.seconds.toFixed(0)} s`).join(', ')}`);

if (selfTest) {
  const missed = tallies.filter((t) => !t.caught || t.caught.length === 0);
  for (const t of missed) console.error(`self-test: the loss planted in ${t.scenario.id} was not caught (replay: ${replay(t.scenario.id, onlyRun ?? 1)})`);
  process.exit(missed.length === 0 ? 0 : 1);
}
const failed = tallies.flatMap((t) => t.failed.map((f) => ({ id: t.scenario.id, ...f })));
for (const f of failed) console.error(`\n✗ ${f.id} run ${f.run} (replay: ${replay(f.id, f.run)})\n${f.lines.join('\n')}`);
process.exit(failed.length === 0 ? 0 : 1);
