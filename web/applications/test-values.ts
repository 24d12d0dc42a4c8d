import { emptyFormValues, type ApplicationFormValues, type MemberValues } from './form-values';

/**
 * A complete, valid form for tests: a Bandung household of a head and a spouse. The NIK agrees
 * with the birth date (12-05-2001, male). Birth dates before 2000 are refused by the schema's
 * date field today (see the report), so the head is young.
 */
export function validFormValues(siteId: string): ApplicationFormValues<never> {
  return {
    ...emptyFormValues<never>(),
    headName: 'Asep Sunandar',
    headNik: '3273011205010003',
    kkNumber: '3273010101200001',
    birthDate: '2001-05-12',
    sex: 'male',
    maritalStatus: 'married',
    phone: '081234567890',
    headOccupation: 'Pengemudi ojek',
    headIncome: { kind: 'informal', amount: '80.000', period: 'daily' },
    members: [spouse()],
    currentHousing: 'renting',
    currentAddress: 'Jl. Cikutra No. 5, Bandung',
    hasLocalIdCard: 'yes',
    ownsHouse: 'no',
    siteId,
    statement: 'Kontrakan akan habis bulan depan.',
  };
}

export function spouse(overrides: Partial<MemberValues> = {}): MemberValues {
  return {
    key: 'm-spouse',
    name: 'Rina Marlina',
    nik: '3273014706020002',
    relationship: 'spouse',
    age: '24',
    occupation: 'Buruh cuci',
    income: { kind: 'informal', amount: '1200000', period: 'monthly' },
    ...overrides,
  };
}
