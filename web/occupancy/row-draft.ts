import { occupancyRowSchema, type OccupancyRow } from '../../schema';

/** One unit's row as the officer types it: numbers stay text until the row is checked. */
export interface RowDraft {
  unitId: string;
  occupied: boolean;
  occupants: string;
  arrearsMonths: string;
  arrearsAmount: string;
  issues: string;
}

export const rowFields = ['occupants', 'arrearsMonths', 'arrearsAmount', 'issues'] as const;
export type RowField = (typeof rowFields)[number];

export type RowProblem = { code: 'required' } | { code: 'wholeNumber' } | { code: 'tooBig'; max: number } | { code: 'tooLong'; max: number };
export type RowProblems = Partial<Record<RowField, RowProblem>>;

export function toDraft(row: OccupancyRow): RowDraft {
  return {
    unitId: row.unitId,
    occupied: row.occupied,
    occupants: String(row.occupants),
    arrearsMonths: String(row.arrearsMonths),
    arrearsAmount: String(row.arrearsAmount),
    issues: row.issues,
  };
}

/**
 * A whole number typed by a person: spaces ignored; for rupiah also "Rp" and the dots that group
 * thousands in Indonesian ("Rp 1.500.000"). A comma (decimals) or any other sign is not a number.
 */
export function parseWholeNumber(text: string, money = false): number | null | undefined {
  let value = text.trim().replace(/\s+/g, '');
  if (value === '') return undefined;
  if (money) value = value.replace(/^rp\.?/i, '').replace(/\.(?=\d{3}(\D|$))/g, '');
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** The row the draft stands for, or the problems of its fields, in the schema's limits. */
export function checkDraft(draft: RowDraft): { row: OccupancyRow; problems: null } | { row: null; problems: RowProblems } {
  const problems: RowProblems = {};
  const numbers: Partial<Record<RowField, number>> = {};
  for (const field of ['occupants', 'arrearsMonths', 'arrearsAmount'] as const) {
    const value = parseWholeNumber(draft[field], field === 'arrearsAmount');
    if (value === undefined) problems[field] = { code: 'required' };
    else if (value === null) problems[field] = { code: 'wholeNumber' };
    else numbers[field] = value;
  }
  const candidate = { unitId: draft.unitId, occupied: draft.occupied, issues: draft.issues, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, ...numbers };
  const parsed = occupancyRowSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RowField;
      if (problems[field] || !(rowFields as readonly string[]).includes(field)) continue;
      const max = 'maximum' in issue ? Number(issue.maximum) : 0;
      problems[field] = issue.code === 'too_big' ? { code: field === 'issues' ? 'tooLong' : 'tooBig', max } : { code: 'wholeNumber' };
    }
  }
  if (Object.keys(problems).length > 0) return { row: null, problems };
  return { row: parsed.data!, problems: null };
}

/**
 * The row as far as it can be read, for totals and changes while the officer types: a field not
 * (yet) a valid number counts as 0.
 */
export function lenientRow(draft: RowDraft): OccupancyRow {
  const number = (text: string, money = false) => parseWholeNumber(text, money) ?? 0;
  return {
    unitId: draft.unitId,
    occupied: draft.occupied,
    occupants: number(draft.occupants),
    arrearsMonths: number(draft.arrearsMonths),
    arrearsAmount: number(draft.arrearsAmount, true),
    issues: draft.issues.trim(),
  };
}
