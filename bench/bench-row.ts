/**
 * One line of the benchmark table: a figure, the baseline measured in the same run on the same
 * machine, and their ratio. Absolute times on a shared machine mean little; ratios travel.
 */
export interface BenchRow {
  benchmark: string;
  /** What was measured, e.g. "mutations applied/s". */
  metric: string;
  value: number;
  unit: string;
  /** The baseline's value in the same unit, measured in the same run; null when a goal is absolute. */
  baseline: number | null;
  baselineLabel: string;
  /** The goal, in words, e.g. "≥ 0.5 × raw" or "< 2000 ms". */
  goal: string;
  /** Whether the goal was met; a missed goal says by how much and why in `note`. */
  met: boolean;
  note?: string;
}

/** value / baseline, or null. */
export function ratio(row: Pick<BenchRow, 'value' | 'baseline'>): number | null {
  return row.baseline ? row.value / row.baseline : null;
}

export interface BenchOptions {
  /** The small, fast version run by `npm test` as a smoke check (no thresholds are asserted). */
  smoke: boolean;
}

export type Bench = (options: BenchOptions) => Promise<BenchRow[]>;
