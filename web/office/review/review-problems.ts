import type { FeatureI18n } from '../../i18n/feature-messages';
import { problemMessageKey } from '../../i18n/problem-message';
import { reviewMessages, type ReviewMessageKey } from './review-messages';

/** What a decision did, as its own message key ('declined' is the offer declined). */
export type DoneKey = 'under_review' | 'approved' | 'rejected' | 'waitlisted' | 'returned' | 'unit_offered' | 'lease_signed' | 'declined';

/** Text fields with a minimum length of one: the schema's `too_small` there means left empty. */
const textRequired = new Set(['agreementNumber']);
/** Rupiah fields: the schema's `too_big` there is a sum too large, not text too long. */
const amountFields = new Set(['monthlyRent', 'deposit']);

/**
 * A refusal's code in the user's words. The review's own codes first; then the schema's
 * validation codes (a lease's fields are checked by the lease's validators) in the app's problem
 * words, as the application form says them (web/applications/words.ts); a code neither knows
 * still says which, so the office can report it.
 */
export function problemText(code: string, words: Pick<FeatureI18n<ReviewMessageKey>, 'm' | 't'>, field?: string): string {
  const key = `problem.${code}`;
  if (key in reviewMessages.id) return words.m(key as ReviewMessageKey);
  if (code === 'required' || (code === 'too_small' && field !== undefined && textRequired.has(field))) return words.t('problem.required');
  if (code === 'too_long') return words.t('problem.tooLong');
  if (code === 'too_big' && field !== undefined && amountFields.has(field)) return words.m('problem.amountTooBig');
  const appKey = problemMessageKey(code);
  return appKey === 'problem.invalid' ? words.m('problem.other', { code }) : words.t(appKey);
}
