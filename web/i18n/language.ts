/** The languages of the app. Indonesian is the default: most officers use it day to day. */
export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'hunian.lang';

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'id';
  } catch {
    // Storage can be blocked (private mode, policy); the default language still works.
    return 'id';
  }
}

/** Tells assistive tech and the browser which language the page is in, and keeps it for the next visit. */
export function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not kept across visits, but the switch still works for this one.
  }
}
