import { describe, expect, it } from 'vitest';
import { parseAge, parseAmount } from './form-records';
import { formSteps, problemsOfStep, stepOfPath, validateApplicationForm } from './form-steps';
import { emptyFormValues } from './form-values';
import { spouse, validFormValues } from './test-values';
import { problemWords, wordsFor } from './words';

const siteId = '01900000-0000-7000-8000-000000000001';
const today = '2026-11-25';

describe('validating the application form', () => {
  it('passes a complete form', () => {
    expect(validateApplicationForm(validFormValues(siteId), today)).toEqual([]);
  });

  it('says "required" for every blank field of the first step, in the order of the form', () => {
    const problems = problemsOfStep(validateApplicationForm(emptyFormValues(), today), 'head');
    expect(problems).toEqual([
      { path: 'headName', code: 'required' },
      { path: 'headNik', code: 'required' },
      { path: 'kkNumber', code: 'required' },
      { path: 'birthDate', code: 'required' },
      { path: 'sex', code: 'required' },
      { path: 'maritalStatus', code: 'required' },
    ]);
  });

  it('keeps each step to its own fields', () => {
    const problems = validateApplicationForm(emptyFormValues(), today);
    expect(problemsOfStep(problems, 'members')).toEqual([]);
    expect(problemsOfStep(problems, 'housing').map((p) => p.path)).toEqual(['currentHousing', 'currentAddress', 'hasLocalIdCard', 'ownsHouse', 'siteId']);
    expect(problemsOfStep(problems, 'documents')).toEqual([]);
    expect(problemsOfStep(problems, 'review')).toEqual([]);
  });

  it('gives the schema’s NIK and KK codes, and accepts numbers typed in groups', () => {
    const values = { ...validFormValues(siteId), headNik: '3273 0112 0501 0003', kkNumber: '12345' };
    expect(validateApplicationForm(values, today)).toEqual([{ path: 'kkNumber', code: 'kk_format' }]);
    expect(validateApplicationForm({ ...values, kkNumber: '3273010101200001', headNik: '3273011205010000' }, today)).toEqual([{ path: 'headNik', code: 'nik_serial' }]);
  });

  it('names the member and the part of an income that is wrong', () => {
    const values = {
      ...validFormValues(siteId),
      headIncome: { kind: 'formal' as const, amount: 'tiga juta', period: 'monthly' },
      members: [spouse(), spouse({ key: 'm-2', name: ' ', nik: '', age: 'dua', relationship: '', income: { kind: 'informal', amount: '50000', period: '' } })],
    };
    expect(validateApplicationForm(values, today)).toEqual([
      { path: 'headIncome.amount', code: 'amount_format' },
      { path: 'members.1.name', code: 'required' },
      { path: 'members.1.relationship', code: 'required' },
      { path: 'members.1.age', code: 'age_format' },
      { path: 'members.1.income.period', code: 'required' },
    ]);
  });

  it('asks for no amount when the person has no income', () => {
    const values = { ...validFormValues(siteId), members: [spouse({ income: { kind: '', amount: 'anything', period: '' } })] };
    expect(validateApplicationForm(values, today)).toEqual([]);
  });

  it('refuses the same NIK twice in one household, and a birth date in the future', () => {
    const head = validFormValues(siteId);
    const values = { ...head, birthDate: '2027-01-01', members: [spouse({ nik: head.headNik })] };
    expect(validateApplicationForm(values, today)).toEqual([
      { path: 'birthDate', code: 'birth_date_future' },
      { path: 'members.0.nik', code: 'nik_repeated' },
    ]);
  });

  it('puts every path on the step that shows it', () => {
    expect(stepOfPath('members.3.income.amount')).toBe('members');
    expect(stepOfPath('headIncome.period')).toBe('members');
    expect(stepOfPath('siteId')).toBe('housing');
    expect(stepOfPath('id')).toBeUndefined();
    expect(formSteps).toHaveLength(5);
  });
});

describe('numbers as officers type them', () => {
  it('reads rupiah with thousands separators or a Rp prefix, whole rupiah only', () => {
    expect(parseAmount('3.200.000')).toBe(3_200_000);
    expect(parseAmount('Rp 3,200,000')).toBe(3_200_000);
    expect(parseAmount(' 80000 ')).toBe(80_000);
    expect(parseAmount('')).toBe('blank');
    expect(parseAmount('3 juta')).toBe('not_a_number');
    expect(parseAmount('-5')).toBe('not_a_number');
  });

  it('reads an age in whole years', () => {
    expect(parseAge('7')).toBe(7);
    expect(parseAge(' ')).toBe('blank');
    expect(parseAge('7,5')).toBe('not_a_number');
  });
});

describe('problems in words', () => {
  const id = wordsFor('id');
  const en = wordsFor('en');

  it('uses the app’s words for the schema’s codes and the feature’s for its own', () => {
    expect(problemWords('headName', 'required', id)).toBe('Wajib diisi');
    expect(problemWords('headNik', 'nik_format', id)).toBe('NIK harus 16 angka');
    expect(problemWords('members.0.age', 'age_format', id)).toBe('Tulis umur dengan angka');
    expect(problemWords('members.0.nik', 'nik_repeated', en)).toBe('This NIK is already used by someone else in this household');
  });

  it('says a number is too large, not too long', () => {
    expect(problemWords('headIncome.amount', 'too_big', id)).toBe('Angkanya terlalu besar');
    expect(problemWords('members', 'too_big', en)).toBe('At most 20 members');
    expect(problemWords('statement', 'too_big', id)).toBe('Terlalu panjang');
  });
});
