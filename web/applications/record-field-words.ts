import { applicationStatuses } from '../../schema/domain/application-lifecycle';
import { fieldWords, valueWords } from '../i18n/record-words';
import type { Locale } from '../i18n/locale';
import type { ApplicationMessageKey } from './application-messages';
import { fieldLabel, wordsFor } from './words';

/**
 * A field of an application or a household as the officer's form names it, and its value as the
 * status badge says it; any other entity's from the app's record words. For the office's screens
 * that show changes of any record (history, conflicts); they load on demand, so the form's words
 * do not reach the first load.
 */
const hasFormWords = (entity: string) => entity === 'applications' || entity === 'households';

export function recordFieldWords(locale: Locale, entity: string, field: string): string {
  if (entity === 'applications' && field === 'status') return locale.t('unit.status');
  if (hasFormWords(entity)) {
    const label = fieldLabel(field, wordsFor(locale.lang));
    if (label !== field) return label;
  }
  return fieldWords(locale, entity, field);
}

export function recordValueWords(locale: Locale, entity: string, field: string, value: unknown): string {
  if (entity === 'applications' && field === 'status' && applicationStatuses.includes(value as never)) {
    return wordsFor(locale.lang).m(`status.${String(value)}` as ApplicationMessageKey);
  }
  return valueWords(locale, entity, field, value);
}
