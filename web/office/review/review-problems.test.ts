import { describe, expect, it } from 'vitest';
import { fill } from '../../i18n/feature-messages';
import { en } from '../../i18n/en';
import { id, type MessageKey } from '../../i18n/id';
import { reviewMessages, type ReviewMessageKey } from './review-messages';
import { problemText } from './review-problems';

const words = (lang: 'id' | 'en') => ({
  m: (key: ReviewMessageKey, values?: Record<string, string | number>) => fill(reviewMessages[lang][key], values),
  t: (key: MessageKey, values?: Record<string, string | number>) => fill((lang === 'id' ? id : en)[key], values),
});

describe('problemText', () => {
  it('says the review’s own refusals in its words', () => {
    expect(problemText('end_before_start', words('id'), 'endDate')).toBe('Tanggal selesai harus sesudah tanggal mulai.');
  });

  it('says the lease validators’ codes in the app’s problem words, not as an unknown code', () => {
    const idWords = words('id');
    expect(problemText('too_small', idWords, 'agreementNumber')).toBe(id['problem.required']);
    expect(problemText('required', idWords, 'agreementNumber')).toBe(id['problem.required']);
    expect(problemText('too_long', idWords, 'agreementNumber')).toBe(id['problem.tooLong']);
    expect(problemText('too_big', idWords, 'agreementNumber')).toBe(id['problem.tooLong']);
    expect(problemText('too_big', idWords, 'monthlyRent')).toBe('Jumlah terlalu besar.');
    expect(problemText('invalid_date', idWords, 'startDate')).toBe(id['problem.invalidDate']);
    expect(problemText('date_out_of_range', words('en'), 'endDate')).toBe(en['problem.dateOutOfRange']);
  });

  it('still names a code nobody knows', () => {
    expect(problemText('brand_new_rule', words('id'))).toBe('Isian ini tidak dapat diterima (brand_new_rule).');
  });
});
