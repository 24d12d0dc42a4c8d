import type { MessageKey } from './id';

/**
 * Validation problem codes (zod's, plus the schema's own date keys) to the words a form shows.
 * A form may override a code for one field where it knows better (a date's format problem).
 */
const messageByCode: Record<string, MessageKey> = {
  invalid_type: 'problem.required',
  too_big: 'problem.tooLong',
  too_small: 'problem.tooSmall',
  invalid_value: 'problem.invalidChoice',
  invalid_date: 'problem.invalidDate',
  date_out_of_range: 'problem.dateOutOfRange',
};

export function problemMessageKey(code: string): MessageKey {
  return messageByCode[code] ?? 'problem.invalid';
}
