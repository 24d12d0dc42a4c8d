import { parseArgs } from 'node:util';
import { createTestServer } from '../api/test-support/test-server';
import { formatReport } from '../worker/fuzz/format-report';
import { freshSeed } from '../worker/fuzz/random';
import { archiveChangeHistory } from '../worker/fuzz/history-archive';
import { runFuzz } from '../worker/fuzz/simulation';

// `npm run fuzz -- --devices 50 --ops 20000 --seed 123`: a larger run of the sync convergence fuzz
// (worker/sync-convergence.fuzz.test.ts runs a small one in `npm test`). Exits 1 if an invariant fails.
const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '12' },
    ops: { type: 'string', default: '3000' },
    seed: { type: 'string' },
    /** Print everything one device does and is told (its index), to narrow a failure down. */
    trace: { type: 'string' },
  },
});
const seed = values.seed === undefined ? freshSeed() : Number(values.seed);
const devices = Number(values.devices);
const ops = Number(values.ops);
if (![seed, devices, ops].every((n) => Number.isInteger(n) && n >= 0) || devices < 1) {
  console.error('usage: npm run fuzz -- [--devices N] [--ops N] [--seed N]');
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${devices} devices, ${ops} ops`);
const testServer = await createTestServer();
// The checks need every change row ever written; restarts compact the log (S21).
archiveChangeHistory(testServer.sqlite);
const http = await testServer.listen();
try {
  const report = await runFuzz(
    { baseUrl: http.baseUrl, get sqlite() { return testServer.sqlite; }, restart: () => testServer.restart() },
    {
      seed,
      devices,
      ops,
      ...(values.trace === undefined ? {} : { traceDevice: Number(values.trace) }),
      progress: (line) => console.log(`  ${line}`),
    },
  );
  console.log(formatReport(report));
  process.exitCode = report.invariants.every((i) => i.failures.length === 0) ? 0 : 1;
} finally {
  await http.close();
  testServer.close();
}
