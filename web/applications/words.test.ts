import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../schema';
import { eligibilityOutcomeWords, eligibilityReasonWords, fieldLabel, wordsFor } from './words';

/** Intl puts a no-break space after "Rp"; the sentence reads the same with an ordinary one. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

const jawaBarat = { maxMonthlyIncome: 2_191_232, requireLocalIdCard: true, requireNoHouseOwned: true };

describe('eligibility in words', () => {
  const id = wordsFor('id');
  const en = wordsFor('en');

  it('says the household income and the limit it is over, in rupiah', () => {
    const reason = { rule: 'income' as const, passed: false, monthlyIncome: 3_200_000, threshold: 2_191_232 };
    expect(plain(eligibilityReasonWords(reason, id))).toBe('Penghasilan rumah tangga Rp 3.200.000 per bulan melebihi batas Rp 2.191.232');
    expect(plain(eligibilityReasonWords(reason, en))).toBe('Household income of IDR 3,200,000 a month is above the limit of IDR 2,191,232');
  });

  it('says an income within the limit is within it', () => {
    const reason = { rule: 'income' as const, passed: true, monthlyIncome: 2_080_000, threshold: 2_191_232 };
    expect(plain(eligibilityReasonWords(reason, id))).toBe('Penghasilan rumah tangga Rp 2.080.000 per bulan tidak melebihi batas Rp 2.191.232');
  });

  it('names each failed requirement of a whole check', () => {
    const result = checkEligibility({ headIncome: { amount: 1_000_000, period: 'monthly' }, members: [], hasLocalIdCard: false, ownsHouse: true }, jawaBarat);
    expect(eligibilityOutcomeWords(result, id)).toBe('Tidak memenuhi syarat');
    expect(result.reasons.map((r) => plain(eligibilityReasonWords(r, id)))).toEqual([
      'Penghasilan rumah tangga Rp 1.000.000 per bulan tidak melebihi batas Rp 2.191.232',
      'KTP kepala keluarga tidak diterbitkan di provinsi ini, padahal disyaratkan',
      'Rumah tangga sudah memiliki rumah, padahal disyaratkan belum',
    ]);
  });

  it('says the result is unknown when the rules are not on the device', () => {
    const result = checkEligibility({ headIncome: null, members: [], hasLocalIdCard: true, ownsHouse: false }, null);
    expect(eligibilityOutcomeWords(result, id)).toBe('Belum diketahui: aturan program belum ada di perangkat ini');
    expect(eligibilityOutcomeWords(result, en)).toBe('Unknown: the program rules are not on this device yet');
  });
});

describe('field names of the office’s comments', () => {
  it('are the form’s labels, and a name the form does not know stays as it is', () => {
    const id = wordsFor('id');
    expect(fieldLabel('headIncome', id)).toBe('Penghasilan kepala keluarga');
    expect(fieldLabel('members', id)).toBe('Anggota keluarga');
    expect(fieldLabel('siteId', wordsFor('en'))).toBe('Site applied to');
    expect(fieldLabel('somethingNew', id)).toBe('somethingNew');
  });
});
