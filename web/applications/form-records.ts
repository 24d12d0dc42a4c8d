import type { Income, WritableOf } from '../../schema';
import type { ApplicationFormValues, IncomeValues, MemberValues } from './form-values';

/**
 * From what the form holds (words as typed) to the fields of the household and application
 * records. A blank becomes `undefined`, so the schema says "required" rather than "invalid"; a
 * number that is not one becomes `undefined` too, and `numberProblems` says why.
 */

export type HouseholdFormFields = Omit<Partial<WritableOf<'households'>>, 'id' | 'regionId' | 'registeredBy'>;
export type ApplicationFormFields = Pick<Partial<WritableOf<'applications'>>, 'siteId' | 'statement'>;

/** Rupiah as people write it: "3.200.000", "3,200,000", "Rp 3200000". Whole rupiah only. */
export function parseAmount(text: string): number | 'blank' | 'not_a_number' {
  const compact = text.replace(/^\s*rp\.?/i, '').replace(/[\s.,]/g, '');
  if (compact === '') return 'blank';
  return /^\d{1,10}$/.test(compact) ? Number(compact) : 'not_a_number';
}

export function parseAge(text: string): number | 'blank' | 'not_a_number' {
  const compact = text.trim();
  if (compact === '') return 'blank';
  return /^\d{1,3}$/.test(compact) ? Number(compact) : 'not_a_number';
}

const numberOrUndefined = (parsed: number | 'blank' | 'not_a_number') => (typeof parsed === 'number' ? parsed : undefined);

/** NIK, KK and phone numbers are often typed in groups ("3273 0112 …"): the spaces are not part of them. */
export const withoutSpaces = (text: string) => text.replace(/[\s-]/g, '');

const blankToUndefined = <T extends string>(text: string) => (text.trim() === '' ? undefined : (text as T));

/** `null` = no income. An income whose kind is chosen needs its amount and period. */
export function incomeFrom(values: IncomeValues): Partial<Income> | null {
  if (values.kind === '') return null;
  return {
    kind: values.kind,
    amount: numberOrUndefined(parseAmount(values.amount)),
    period: blankToUndefined<Income['period']>(values.period),
  };
}

function memberFrom(member: MemberValues) {
  const nik = withoutSpaces(member.nik);
  return {
    key: member.key,
    name: member.name.trim() === '' ? undefined : member.name,
    nik: nik === '' ? null : nik,
    relationship: blankToUndefined(member.relationship),
    age: numberOrUndefined(parseAge(member.age)),
    occupation: member.occupation,
    income: incomeFrom(member.income),
  };
}

const yesNo = (text: string) => (text === 'yes' ? true : text === 'no' ? false : undefined);

export function householdFieldsFrom(values: ApplicationFormValues): HouseholdFormFields {
  // The partial shapes are what the validator is for: it turns each gap into a problem.
  return {
    headName: blankToUndefined(values.headName),
    headNik: blankToUndefined(withoutSpaces(values.headNik)),
    kkNumber: blankToUndefined(withoutSpaces(values.kkNumber)),
    birthDate: blankToUndefined(values.birthDate),
    sex: blankToUndefined(values.sex),
    maritalStatus: blankToUndefined(values.maritalStatus),
    phone: withoutSpaces(values.phone),
    currentHousing: blankToUndefined(values.currentHousing),
    currentAddress: blankToUndefined(values.currentAddress),
    hasLocalIdCard: yesNo(values.hasLocalIdCard),
    ownsHouse: yesNo(values.ownsHouse),
    headOccupation: values.headOccupation,
    headIncome: incomeFrom(values.headIncome),
    members: values.members.map(memberFrom),
  } as HouseholdFormFields;
}

export function applicationFieldsFrom(values: ApplicationFormValues): ApplicationFormFields {
  return { siteId: blankToUndefined(values.siteId), statement: values.statement };
}

/** Amounts and ages that are typed but are not numbers, by their form path. */
export function numberProblems(values: ApplicationFormValues): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = [];
  const income = (path: string, v: IncomeValues) => {
    if (v.kind !== '' && parseAmount(v.amount) === 'not_a_number') problems.push({ path: `${path}.amount`, code: 'amount_format' });
  };
  income('headIncome', values.headIncome);
  values.members.forEach((member, index) => {
    if (parseAge(member.age) === 'not_a_number') problems.push({ path: `members.${index}.age`, code: 'age_format' });
    income(`members.${index}.income`, member.income);
  });
  return problems;
}
