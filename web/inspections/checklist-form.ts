import {
  checklistAreas,
  checklistKeys,
  checklistTemplate,
  problemSchema,
  repairDaysBySeverity,
  repairDueDate,
  severities,
  type ChecklistArea,
  type ChecklistItem,
  type Severity,
} from '../../schema';

/**
 * One checklist item as the form holds it: what was typed, unvalidated, so that a draft can keep
 * a half-filled problem. Text of a problem stays while "has a problem" is off, in case it was
 * switched off by mistake; only what is switched on is saved.
 */
export interface ChecklistItemForm {
  /** '' while not rated, else '1'…'5'. */
  rating: string;
  hasProblem: boolean;
  /** '' until chosen, else a Severity. */
  severity: string;
  description: string;
  repairAction: string;
  resolved: boolean;
  /** YYYY-MM-DD, when `resolved`. */
  resolvedOn: string;
  /**
   * The due date the record already holds, with what it was derived from. Kept while those stay
   * as they were, so a change in the rules never moves a due date the office has already seen.
   */
  stored: { severity: string; inspectedOn: string; dueDate: string } | null;
}

/** The form's items by key ("unit.walls"); a key missing is an item not touched. */
export type ChecklistForm = Record<string, ChecklistItemForm>;

export const emptyChecklistItem: ChecklistItemForm = {
  rating: '',
  hasProblem: false,
  severity: '',
  description: '',
  repairAction: '',
  resolved: false,
  resolvedOn: '',
  stored: null,
};

export const checklistItemFields = ['rating', 'severity', 'description', 'repairAction', 'resolvedOn'] as const;
export type ChecklistItemField = (typeof checklistItemFields)[number];

export type ChecklistProblemCode =
  | 'ratingRequired'
  | 'severityRequired'
  | 'descriptionRequired'
  | 'repairActionRequired'
  | 'tooLong'
  | 'resolvedOnInvalid'
  | 'resolvedBeforeInspection';

/** Problems of the checklist, by item key, then field. */
export type ChecklistProblems = Record<string, Partial<Record<ChecklistItemField, ChecklistProblemCode>>>;

export const descriptionMax = problemSchema.shape.description.maxLength ?? 1000;
export const repairActionMax = problemSchema.shape.repairAction.maxLength ?? 500;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day, 'YYYY-MM-DD'. */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

export function areaOf(key: string): ChecklistArea | undefined {
  return checklistAreas.find((area) => key.startsWith(`${area}.`));
}

/** The keys of one area, in the template's order. */
export function areaKeys(area: ChecklistArea): string[] {
  return checklistTemplate[area].map((item) => `${area}.${item}`);
}

/** The form state of a recorded checklist (for a change of an inspection). */
export function checklistFormOf(checklist: readonly ChecklistItem[], inspectedOn: string): ChecklistForm {
  const form: ChecklistForm = {};
  for (const { key, rating, problem } of checklist) {
    form[key] = problem
      ? {
          rating: String(rating),
          hasProblem: true,
          severity: problem.severity,
          description: problem.description,
          repairAction: problem.repairAction,
          resolved: problem.resolvedOn !== null,
          resolvedOn: problem.resolvedOn ?? '',
          stored: { severity: problem.severity, inspectedOn, dueDate: problem.dueDate },
        }
      : { ...emptyChecklistItem, rating: String(rating) };
  }
  return form;
}

/**
 * The repair due date an item shows and saves: the stored one while its severity and the
 * inspection day are unchanged, else derived anew; null while either is missing or invalid.
 */
export function itemDueDate(item: ChecklistItemForm, inspectedOn: string): string | null {
  if (!isSeverity(item.severity) || !isCalendarDate(inspectedOn)) return null;
  const { stored } = item;
  if (stored && stored.severity === item.severity && stored.inspectedOn === inspectedOn) return stored.dueDate;
  return repairDueDate(inspectedOn, item.severity);
}

/** Days between two calendar dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days a severity allows, for the hint beside the due date. */
export const repairDays = (severity: Severity) => repairDaysBySeverity[severity];

function problemsOf(item: ChecklistItemForm, inspectedOn: string): Partial<Record<ChecklistItemField, ChecklistProblemCode>> {
  const found: Partial<Record<ChecklistItemField, ChecklistProblemCode>> = {};
  if (!item.hasProblem) return found;
  if (!item.rating) found.rating = 'ratingRequired';
  if (!isSeverity(item.severity)) found.severity = 'severityRequired';
  const description = item.description.trim();
  if (!description) found.description = 'descriptionRequired';
  else if (description.length > descriptionMax) found.description = 'tooLong';
  const repairAction = item.repairAction.trim();
  if (!repairAction) found.repairAction = 'repairActionRequired';
  else if (repairAction.length > repairActionMax) found.repairAction = 'tooLong';
  if (item.resolved) {
    if (!isCalendarDate(item.resolvedOn)) found.resolvedOn = 'resolvedOnInvalid';
    else if (isCalendarDate(inspectedOn) && item.resolvedOn < inspectedOn) found.resolvedOn = 'resolvedBeforeInspection';
  }
  return found;
}

export interface ChecklistResult {
  /** The items rated, in the template's order: what the inspection record stores. */
  checklist: ChecklistItem[];
  /** Empty when the checklist can be saved. */
  problems: ChecklistProblems;
}

/**
 * The checklist an inspection stores, from the form. Items not rated and without a problem are
 * left out (a quick periodic inspection may rate a few). A problem's due date follows its
 * severity and the inspection day; when the day is not valid, the date field says so, and the
 * checklist is not built.
 */
export function checklistFromForm(form: ChecklistForm, inspectedOn: string): ChecklistResult {
  const checklist: ChecklistItem[] = [];
  const problems: ChecklistProblems = {};
  for (const key of checklistKeys) {
    const item = form[key];
    if (!item || (!item.rating && !item.hasProblem)) continue;
    const found = problemsOf(item, inspectedOn);
    if (Object.keys(found).length > 0) {
      problems[key] = found;
      continue;
    }
    const dueDate = item.hasProblem ? itemDueDate(item, inspectedOn) : null;
    // Without a valid inspection day there is no due date; the day's own field shows that problem.
    if (item.hasProblem && !dueDate) continue;
    checklist.push({
      key,
      rating: Number(item.rating),
      problem:
        item.hasProblem && dueDate
          ? {
              severity: item.severity as Severity,
              description: item.description.trim(),
              repairAction: item.repairAction.trim(),
              dueDate,
              resolvedOn: item.resolved ? item.resolvedOn : null,
            }
          : null,
    });
  }
  return { checklist, problems };
}

/** The first field with a problem, in the order the form shows them, for focus. */
export function firstChecklistProblem(problems: ChecklistProblems): { key: string; field: ChecklistItemField } | null {
  for (const key of checklistKeys) {
    const found = problems[key];
    const field = found && checklistItemFields.find((f) => found[f]);
    if (field) return { key, field };
  }
  return null;
}

/** How many items of an area are rated, and how many have a problem. */
export function areaProgress(form: ChecklistForm, area: ChecklistArea): { rated: number; total: number; problems: number } {
  const keys = areaKeys(area);
  return {
    rated: keys.filter((k) => form[k]?.rating).length,
    total: keys.length,
    problems: keys.filter((k) => form[k]?.hasProblem).length,
  };
}
