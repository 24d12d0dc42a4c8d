import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { applyLanguage, storedLanguage, type Language } from './language';
import { localeFor, type Locale } from './locale';

export interface I18n extends Locale {
  setLang(lang: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLang] = useState<Language>(storedLanguage);
  useEffect(() => applyLanguage(lang), [lang]);
  const value = useMemo<I18n>(() => ({ ...localeFor(lang), setLang }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}
