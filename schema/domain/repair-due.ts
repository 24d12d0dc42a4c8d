export const severities = ['life_threatening', 'severe', 'moderate', 'low'] as const;
export type Severity = (typeof severities)[number];

/**
 * Days allowed to repair a problem, by severity, after the practice of housing inspection
 * standards (e.g. HUD NSPIRE: life-threatening within 24 hours, severe within days, others
 * within a month or at the next inspection cycle).
 */
export const repairDaysBySeverity: Record<Severity, number> = {
  life_threatening: 1,
  severe: 7,
  moderate: 30,
  low: 90,
};

/** The date a repair is due: the inspection day plus the severity's allowance (YYYY-MM-DD in, out). */
export function repairDueDate(inspectedOn: string, severity: Severity): string {
  const [y, m, d] = inspectedOn.split('-').map(Number);
  const due = new Date(Date.UTC(y!, m! - 1, d! + repairDaysBySeverity[severity]));
  return due.toISOString().slice(0, 10);
}
