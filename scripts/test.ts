import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium';

// `npm test`: everything CI runs, in order of speed. Stops at the first failure.
const steps: [string, string, string[]][] = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['tsx', 'scripts/lint.ts']],
  ['unit and API tests', 'npx', ['vitest', 'run']],
  ['benchmarks, smoke size (no thresholds)', 'npx', ['tsx', 'bench/run.ts', '--smoke']],
  ['fault injection, small size', 'npx', ['tsx', 'scripts/test-faults.ts', '--runs', '2']],
  ['end-to-end tests (Chromium)', 'npx', ['playwright', 'test']],
];

ensureChromium();
const results: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  results.push(`${status === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    console.error(`\n${results.join('\n')}\n\n${name} failed.`);
    process.exit(status ?? 1);
  }
}
console.log(`\n${results.join('\n')}`);
