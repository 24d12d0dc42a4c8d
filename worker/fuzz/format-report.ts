import type { FuzzReport } from './simulation';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The figures of a run and PASS/FAIL per invariant, with the seed on every failure line. */
export function formatReport(report: FuzzReport): string {
  const lines = [
    `seed ${report.seed}: ${report.devices} devices, ${report.ops} ops in ${(report.durationMs / 1000).toFixed(1)} s`,
    `  actions: ${list(report.actions)}`,
    `  sync rounds: ${report.syncRounds.ok} ok; failed: ${list(report.syncRounds.failed)}`,
    `  pushes: ${report.pushRequests} requests; mutations pushed ${report.mutationsPushed}, applied ${report.applied}, rejected ${report.rejected}; conflicts created ${report.conflictsReported}`,
    `  faults injected: ${list(report.faults)}`,
    `  server restarts: ${report.restarts.betweenRequests} between requests, ${report.restarts.midRequest} with a request in flight`,
    `  regions re-downloaded after a digest mismatch: ${report.redownloads}`,
    `  final sync: ${report.finalPasses} passes over all devices`,
  ];
  for (const invariant of report.invariants) {
    lines.push(`  ${invariant.failures.length === 0 ? 'PASS' : 'FAIL'} ${invariant.id}: ${invariant.title}`);
    for (const failure of invariant.failures) lines.push(`    seed ${report.seed}: ${failure}`);
  }
  return lines.join('\n');
}
