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
  birth_date_out_of_range: 'problem.birthDateOutOfRange',
  nik_format: 'problem.nik_format',
  nik_region: 'problem.nik_region',
  nik_birth_date: 'problem.nik_birth_date',
  nik_serial: 'problem.nik_serial',
  kk_format: 'problem.kk_format',
  kk_region: 'problem.kk_region',
  phone_format: 'problem.phone_format',
  month_format: 'problem.month_format',
};

export function problemMessageKey(code: string): MessageKey {
  return messageByCode[code] ?? 'problem.invalid';
}
