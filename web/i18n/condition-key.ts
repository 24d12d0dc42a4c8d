import type { MessageKey } from './id';

const keys: Record<number, MessageKey> = {
  5: 'condition.5',
  4: 'condition.4',
  3: 'condition.3',
  2: 'condition.2',
  1: 'condition.1',
};

/** Ratings from the best down, as the form offers them. */
export const conditionRatingsBestFirst = [5, 4, 3, 2, 1] as const;

/** The words for a condition rating (1 = very poor … 5 = very good). */
export function conditionKey(rating: number): MessageKey {
  return keys[rating] ?? 'problem.invalid';
}
