import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from './i18n-context';
import type { Language } from './language';

/**
 * The words of one feature (a screen and its parts), in every language, kept beside the feature
 * and loaded with it, so the officer's first screen does not carry the office's words. The
 * Indonesian list is the source; the English one must fill the same keys.
 */
export type FeatureMessages<K extends string> = Record<Language, Record<K, string>>;

export function defineMessages<const K extends string>(id: Record<K, string>, en: Record<K, string>): FeatureMessages<K> {
  return { id, en };
}

export function fill(template: string, values?: Record<string, string | number>): string {
  return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)) : template;
}

export interface FeatureI18n<K extends string> extends I18n {
  /** A message of this feature, `{name}` filled from values. */
  m(key: K, values?: Record<string, string | number>): string;
}

/** The app's I18n plus `m`, the feature's own messages in the current language. */
export function useFeatureMessages<K extends string>(messages: FeatureMessages<K>): FeatureI18n<K> {
  const i18n = useI18n();
  return useMemo(() => {
    const dictionary = messages[i18n.lang];
    return { ...i18n, m: (key: K, values?: Record<string, string | number>) => fill(dictionary[key], values) };
  }, [i18n, messages]);
}
