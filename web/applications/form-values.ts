import type { Application, Attachment, Household, Income } from '../../schema';

/**
 * What the application form holds while it is being filled in: the words as typed, not yet
 * validated (a half-typed NIK, an empty amount). This is what a form draft keeps, so closing the
 * app mid-form loses nothing; it becomes records only when the officer saves.
 */
export interface IncomeValues {
  /** '' = no income. */
  kind: '' | 'formal' | 'informal';
  amount: string;
  period: string;
}

export interface MemberValues {
  key: string;
  name: string;
  nik: string;
  relationship: string;
  age: string;
  occupation: string;
  income: IncomeValues;
}

/** Photo kinds of the documents step, in the order they appear. */
export const documentKinds = ['id_card', 'family_card', 'income_letter'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface ApplicationFormValues<Photo = unknown> {
  headName: string;
  headNik: string;
  kkNumber: string;
  birthDate: string;
  sex: string;
  maritalStatus: string;
  phone: string;
  headOccupation: string;
  headIncome: IncomeValues;
  members: MemberValues[];
  currentHousing: string;
  currentAddress: string;
  /** 'yes' | 'no' | '' (not answered yet). */
  hasLocalIdCard: string;
  ownsHouse: string;
  siteId: string;
  statement: string;
  photos: Record<DocumentKind, Photo[]>;
}

export const emptyIncome = (): IncomeValues => ({ kind: '', amount: '', period: 'monthly' });

/** A member key: made on the device, stable while the list is edited (the schema allows 40 chars). */
export function newMemberKey(): string {
  return `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export const emptyMember = (): MemberValues => ({
  key: newMemberKey(),
  name: '',
  nik: '',
  relationship: '',
  age: '',
  occupation: '',
  income: emptyIncome(),
});

export function emptyFormValues<Photo>(): ApplicationFormValues<Photo> {
  return {
    headName: '',
    headNik: '',
    kkNumber: '',
    birthDate: '',
    sex: '',
    maritalStatus: '',
    phone: '',
    headOccupation: '',
    headIncome: emptyIncome(),
    members: [],
    currentHousing: '',
    currentAddress: '',
    hasLocalIdCard: '',
    ownsHouse: '',
    siteId: '',
    statement: '',
    photos: { id_card: [], family_card: [], income_letter: [] },
  };
}

function incomeValues(income: Income | null): IncomeValues {
  return income ? { kind: income.kind, amount: String(income.amount), period: income.period } : emptyIncome();
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * The form as the stored records say, to continue a draft application or correct a returned one.
 * `photos` turns each stored attachment into what the photo field shows.
 */
export function valuesFromRecords<Photo>(
  household: Household,
  application: Application,
  attachments: readonly Attachment[],
  photo: (attachment: Attachment) => Photo,
): ApplicationFormValues<Photo> {
  const photosOf = (kind: DocumentKind) => attachments.filter((a) => a.kind === kind && !a.deleted).map(photo);
  return {
    headName: household.headName,
    headNik: household.headNik,
    kkNumber: household.kkNumber,
    birthDate: household.birthDate,
    sex: household.sex,
    maritalStatus: household.maritalStatus,
    phone: household.phone,
    headOccupation: household.headOccupation,
    headIncome: incomeValues(household.headIncome),
    members: household.members.map((m) => ({
      key: m.key,
      name: m.name,
      nik: m.nik ?? '',
      relationship: m.relationship,
      age: String(m.age),
      occupation: m.occupation,
      income: incomeValues(m.income),
    })),
    currentHousing: household.currentHousing,
    currentAddress: household.currentAddress,
    hasLocalIdCard: yesNo(household.hasLocalIdCard),
    ownsHouse: yesNo(household.ownsHouse),
    siteId: application.siteId,
    statement: application.statement,
    photos: { id_card: photosOf('id_card'), family_card: photosOf('family_card'), income_letter: photosOf('income_letter') },
  };
}
