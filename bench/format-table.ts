import os from 'node:os';
import { ratio, type BenchRow } from './bench-row';

const fmt = (n: number | null) => (n === null ? '—' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

/** The results as a Markdown table, with the machine it ran on. */
export function formatTable(rows: readonly BenchRow[], startedAt: Date): string {
  const lines = [
    `Run ${startedAt.toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    '',
    '| benchmark | metric | value | baseline | ratio | goal | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.benchmark} | ${r.metric} | ${fmt(r.value)} ${r.unit} | ${r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit} (${r.baselineLabel})`} | ${fmt(ratio(r))} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`,
    ),
  ];
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((r) => `- **${r.benchmark}, ${r.metric}:** ${r.note}`));
  return lines.join('\n') + '\n';
}
