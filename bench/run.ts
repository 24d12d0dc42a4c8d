import fs from 'node:fs';
import path from 'node:path';
import type { Bench, BenchRow } from './bench-row';
import { formatTable } from './format-table';

/**
 * `npm run bench`: every benchmark, one table, also written to bench/results.md.
 * `npm run bench -- --smoke`: each benchmark at a tiny size, to prove it still runs (part of
 * `npm test`; no thresholds). `--only NAME` runs the benchmarks whose name contains NAME.
 */
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

// Each benchmark is a module exporting `bench`; they run one after another, never together.
const benchmarks: [string, () => Promise<{ bench: Bench }>][] = [
  ['bootstrap-region', () => import('./bootstrap-region')],
  ['app-shell', () => import('./app-shell')],
  ['burst-sync', () => import('./burst-sync')],
  ['pull-cost', () => import('./pull-cost')],
  ['duplicate-check', () => import('./duplicate-check')],
];

const startedAt = new Date();
const rows: BenchRow[] = [];
for (const [name, load] of benchmarks) {
  if (only && !name.includes(only)) continue;
  console.error(`▶ ${name}${smoke ? ' (smoke)' : ''}`);
  rows.push(...(await (await load()).bench({ smoke })));
}
const table = formatTable(rows, startedAt);
console.log(table);
if (!smoke && !only) fs.writeFileSync(path.join(import.meta.dirname, 'results.md'), `# Benchmark results\n\n${table}`);
console.log(`${rows.length} figures${smoke ? ' (smoke run: sizes are tiny, goals are not judged)' : ''}`);
