import { nikProblem, validators, type FieldProblem } from '../../schema';
import { applicationFieldsFrom, householdFieldsFrom, numberProblems, withoutSpaces } from './form-records';
import type { ApplicationFormValues } from './form-values';

/** The form's steps, in order. The step indicator counts them ("Langkah 2 dari 5"). */
export const formSteps = ['head', 'members', 'housing', 'documents', 'review'] as const;
export type FormStep = (typeof formSteps)[number];

/** Which step shows each top-level field. Field comments of the office use these names too. */
export const stepOfField: Record<string, FormStep> = {
  headName: 'head',
  headNik: 'head',
  kkNumber: 'head',
  birthDate: 'head',
  sex: 'head',
  maritalStatus: 'head',
  phone: 'head',
  headOccupation: 'members',
  headIncome: 'members',
  members: 'members',
  currentHousing: 'housing',
  currentAddress: 'housing',
  hasLocalIdCard: 'housing',
  ownsHouse: 'housing',
  siteId: 'housing',
  statement: 'housing',
  photos: 'documents',
};

/** A problem with one thing the officer typed: `path` is e.g. "headNik", "members.0.income.amount". */
export interface FormProblem {
  path: string;
  code: string;
}

const incomeParts = ['kind', 'amount', 'period'];
const memberParts = ['name', 'relationship', 'age', 'nik', 'occupation', ...incomeParts.map((p) => `income.${p}`)];

/** Every path the form shows, in the order a person meets them: the first problem gets focus. */
export function formPaths(values: ApplicationFormValues): string[] {
  return Object.keys(stepOfField).flatMap((field) => {
    if (field === 'headIncome') return [field, ...incomeParts.map((p) => `${field}.${p}`)];
    if (field === 'members') return [field, ...values.members.flatMap((_, i) => memberParts.map((p) => `members.${i}.${p}`))];
    return [field];
  });
}

export const stepOfPath = (path: string): FormStep | undefined => stepOfField[path.split('.')[0] ?? ''];

function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), record);
}

/** The schema's issues, by their full path; a gap left blank is "required", whatever zod called it. */
function schemaProblems(record: Record<string, unknown>, issues: readonly { path: PropertyKey[]; code: string; message: string }[]): FormProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const value = valueAt(record, path);
    const blank = value === undefined || (typeof value === 'string' && value.trim() === '' && issue.code === 'too_small');
    return { path, code: blank ? 'required' : issue.code === 'custom' ? issue.message : issue.code };
  });
}

/** Ids the officer never types; only their presence matters while she fills in the form. */
const placeholderId = '00000000-0000-7000-8000-000000000000';

/** The same NIK twice in one household is a typo, whoever it belongs to. */
function repeatedNikProblems(values: ApplicationFormValues): FormProblem[] {
  const seen = new Set<string>();
  const head = withoutSpaces(values.headNik);
  if (head) seen.add(head);
  const problems: FormProblem[] = [];
  values.members.forEach((member, index) => {
    const nik = withoutSpaces(member.nik);
    if (!nik || nikProblem(nik)) return;
    if (seen.has(nik)) problems.push({ path: `members.${index}.nik`, code: 'nik_repeated' });
    seen.add(nik);
  });
  return problems;
}

/**
 * Everything wrong with the form, the first problem of each path only, in form order. The
 * records' own validators decide (the server applies the same), plus what only the form knows:
 * a number that is not one, a birth date in the future, a NIK typed twice.
 */
export function validateApplicationForm(values: ApplicationFormValues, today: string): FormProblem[] {
  const household = { id: placeholderId, regionId: placeholderId, registeredBy: 'officer', ...householdFieldsFrom(values) };
  const application = {
    id: placeholderId,
    regionId: placeholderId,
    householdId: placeholderId,
    status: 'draft',
    submittedAt: null,
    decisionNote: null,
    offeredUnitId: null,
    createdBy: 'officer',
    ...applicationFieldsFrom(values),
  };
  const own: FormProblem[] = [...numberProblems(values), ...repeatedNikProblems(values)];
  if (values.birthDate && values.birthDate > today) own.push({ path: 'birthDate', code: 'birth_date_future' });
  const householdCheck = validators.households.write.safeParse(household);
  const applicationCheck = validators.applications.write.safeParse(application);
  const all = [
    ...own,
    ...(householdCheck.success ? [] : schemaProblems(household, householdCheck.error.issues)),
    ...(applicationCheck.success ? [] : schemaProblems(application, applicationCheck.error.issues)),
  ];
  const order = formPaths(values);
  const firstByPath = new Map<string, FormProblem>();
  for (const problem of all) {
    if (order.includes(problem.path) && !firstByPath.has(problem.path)) firstByPath.set(problem.path, problem);
  }
  return [...firstByPath.values()].sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}

export function problemsOfStep(problems: readonly FormProblem[], step: FormStep): FormProblem[] {
  return problems.filter((p) => stepOfPath(p.path) === step);
}

/** Problems a save found (field names only, from `checkRecord`) as form problems. */
export function fromFieldProblems(problems: readonly FieldProblem[]): FormProblem[] {
  return problems.map((p) => ({ path: p.field, code: p.code }));
}
