import { z } from 'zod';
import { defineEntity } from '../entity';
import { f } from '../field';
import { incomePeriods } from '../domain/eligibility';
import { kkProblem, nikProblem } from '../domain/national-id';

export const sexes = ['female', 'male'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const housingSituations = ['renting', 'with_family', 'informal_settlement', 'official_housing', 'homeless', 'other'] as const;
export const relationships = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;
export const incomeKinds = ['formal', 'informal'] as const;

/** What one person earns: formal (a wage slip) or informal (declared), per day, week, month or year. */
export const incomeSchema = z.strictObject({
  kind: z.enum(incomeKinds),
  amount: z.int().min(0).max(1_000_000_000),
  period: z.enum(incomePeriods),
});
export type Income = z.infer<typeof incomeSchema>;

const optionalNik = z
  .string()
  .superRefine((value, ctx) => {
    const problem = nikProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable();

/** A member of the household other than its head. */
export const householdMemberSchema = z.strictObject({
  /** A key made on the device, stable while the list is edited. */
  key: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(120),
  nik: optionalNik,
  relationship: z.enum(relationships),
  age: z.int().min(0).max(120),
  occupation: z.string().trim().max(120),
  income: incomeSchema.nullable(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;

/** An applicant household: its head, identified by NIK and family card (KK), and its members. */
export const household = defineEntity({
  name: 'households',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    headName: f.text(120, 1).indexed(),
    headNik: f.checkedText(16, nikProblem).indexed(),
    kkNumber: f.checkedText(16, kkProblem).indexed(),
    birthDate: f.birthDate(),
    sex: f.oneOf(sexes),
    maritalStatus: f.oneOf(maritalStatuses),
    /** Indonesian mobile numbers: 08… or +628…, 10–15 digits. Empty when the household has none. */
    phone: f.checkedText(16, (v) => (v === '' || /^(\+62|0)8\d{8,12}$/.test(v) ? null : 'phone_format')),
    currentHousing: f.oneOf(housingSituations),
    currentAddress: f.text(300, 1),
    /** The head's KTP was issued in the program's province (declared, checked on the card). */
    hasLocalIdCard: f.bool(),
    /** Declared by the head: the household already owns a house. */
    ownsHouse: f.bool(),
    headOccupation: f.text(120),
    headIncome: f.json(incomeSchema.nullable()),
    /** Indexed by NIK on the server: the duplicate check (S24) looks every NIK up in all regions. */
    members: f.json(z.array(householdMemberSchema).max(20)).itemsIndexedBy('nik'),
    registeredBy: f.text(64),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
});
