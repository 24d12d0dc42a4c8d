import { severities, type ChecklistItem, type Severity } from '../../schema';
import { isOverdue } from './due-date-text';

export interface ProblemSummary {
  key: string;
  severity: Severity;
  dueDate: string;
  resolvedOn: string | null;
  overdue: boolean;
}

export interface ChecklistSummary {
  rated: number;
  /** Open problems by severity, most severe first, only severities that occur. */
  openBySeverity: { severity: Severity; count: number }[];
  /** Every problem: the open ones by due date first, then the repaired ones. */
  problems: ProblemSummary[];
}

/** What the history shows of an inspection's checklist. */
export function summarizeChecklist(checklist: readonly ChecklistItem[], today: string): ChecklistSummary {
  const problems = checklist
    .filter((item) => item.problem)
    .map(({ key, problem }) => ({
      key,
      severity: problem!.severity,
      dueDate: problem!.dueDate,
      resolvedOn: problem!.resolvedOn,
      overdue: !problem!.resolvedOn && isOverdue(problem!.dueDate, today),
    }))
    .sort((a, b) => Number(a.resolvedOn !== null) - Number(b.resolvedOn !== null) || a.dueDate.localeCompare(b.dueDate));
  const open = problems.filter((p) => !p.resolvedOn);
  return {
    rated: checklist.length,
    openBySeverity: severities.map((severity) => ({ severity, count: open.filter((p) => p.severity === severity).length })).filter((s) => s.count > 0),
    problems,
  };
}
