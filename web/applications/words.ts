import type { EligibilityReason, EligibilityResult } from '../../schema';
import { fill, type FeatureMessages } from '../i18n/feature-messages';
import type { Language } from '../i18n/language';
import { localeFor } from '../i18n/locale';
import { problemMessageKey } from '../i18n/problem-message';
import { applicationMessages, type ApplicationMessageKey } from './application-messages';
import { stepOfField } from './form-steps';

/**
 * Turning the feature's codes into words, as pure functions of a language, so that the words the
 * officer reads (an eligibility reason, a problem) are tested without rendering a screen.
 */
export interface Words {
  lang: Language;
  m(key: ApplicationMessageKey, values?: Record<string, string | number>): string;
  t: ReturnType<typeof localeFor>['t'];
  formatRupiah(amount: number): string;
}

export function wordsFor(lang: Language, messages: FeatureMessages<ApplicationMessageKey> = applicationMessages): Words {
  const locale = localeFor(lang);
  return { lang, m: (key, values) => fill(messages[lang][key], values), t: locale.t, formatRupiah: locale.formatRupiah };
}

/** One reason of the eligibility check in a sentence, with its figures. */
export function eligibilityReasonWords(reason: EligibilityReason, words: Pick<Words, 'm' | 'formatRupiah'>): string {
  switch (reason.rule) {
    case 'income':
      return words.m(reason.passed ? 'reason.incomeWithin' : 'reason.incomeOver', {
        income: words.formatRupiah(reason.monthlyIncome),
        threshold: words.formatRupiah(reason.threshold),
      });
    case 'local_id':
      return words.m(reason.passed ? 'reason.localIdMet' : 'reason.localIdUnmet');
    case 'no_house_owned':
      return words.m(reason.passed ? 'reason.noHouseMet' : 'reason.noHouseUnmet');
  }
}

export function eligibilityOutcomeWords(result: EligibilityResult, words: Pick<Words, 'm'>): string {
  if (result.outcome === 'unknown') return words.m('eligibility.unknown');
  return words.m(result.outcome === 'eligible' ? 'eligibility.eligible' : 'eligibility.notEligible');
}

const ownProblems = new Set(['amount_format', 'age_format', 'nik_repeated', 'birth_date_future']);

/** A problem of a form path in words; the app dictionary has the schema's codes. */
export function problemWords(path: string, code: string, words: Pick<Words, 'm' | 't'>): string {
  if (code === 'required') return words.t('problem.required');
  if (ownProblems.has(code)) return words.m(`problem.${code}` as ApplicationMessageKey);
  if (path === 'members' && code === 'too_big') return words.m('problem.tooManyMembers');
  if (/(amount|age)$/.test(path) && code === 'too_big') return words.m('problem.numberTooBig');
  if (path === 'birthDate' && code === 'invalid_format') return words.t('problem.invalidDate');
  return words.t(problemMessageKey(code));
}

/**
 * The label of a field the office commented on ("headIncome" → "Penghasilan kepala keluarga").
 * A name the form does not know is shown as it is: the comment still matters.
 */
export function fieldLabel(field: string, words: Pick<Words, 'm'>): string {
  if (field in stepOfField) return words.m(`field.${field}` as ApplicationMessageKey);
  // A member's own field, as the review screen names it: "members.0.income" → "Anggota keluarga 1: Penghasilan".
  const member = /^members\.(\d+)\.(income|nik)$/.exec(field);
  if (member) return `${words.m('field.members')} ${Number(member[1]) + 1}: ${words.m(member[2] === 'income' ? 'field.memberIncome' : 'field.memberNik')}`;
  return field;
}
