import type { FeatureI18n } from '../../i18n/feature-messages';
import { reviewMessages, type ReviewMessageKey } from './review-messages';

/** What a decision did, as its own message key ('declined' is the offer declined). */
export type DoneKey = 'under_review' | 'approved' | 'rejected' | 'waitlisted' | 'returned' | 'unit_offered' | 'lease_signed' | 'declined';

/** A refusal's code in the user's words; a code this screen does not know still says which. */
export function problemText(code: string, words: Pick<FeatureI18n<ReviewMessageKey>, 'm'>): string {
  const key = `problem.${code}`;
  return key in reviewMessages.id ? words.m(key as ReviewMessageKey) : words.m('problem.other', { code });
}
