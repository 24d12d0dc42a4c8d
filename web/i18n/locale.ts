import { en } from './en';
import { id, type MessageKey, type Messages } from './id';
import type { Language } from './language';

const dictionaries: Record<Language, Messages> = { id, en };

/** Everything a screen needs to speak one language: messages, and numbers, money and dates formatted. */
export interface Locale {
  lang: Language;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A calendar date 'YYYY-MM-DD', e.g. "1 Mei 2024". */
  formatDate(date: string): string;
  /** An instant in the device's time zone, date and time, e.g. "25 Nov 2026, 10.15". */
  formatDateTime(instant: string): string;
  formatNumber(value: number): string;
  formatRupiah(amount: number): string;
  /** How long ago an instant was, in words ("5 menit yang lalu"). */
  formatRelative(instant: string, now: Date): string;
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function createLocale(lang: Language): Locale {
  const messages = dictionaries[lang];
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const rupiah = new Intl.NumberFormat(lang, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });

  return {
    lang,
    t: (key, values) =>
      values ? messages[key].replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match)) : messages[key],
    formatDate: (date) => {
      const [y, m, d] = date.split('-').map(Number);
      // The date has no time zone; reading and printing it in UTC keeps the day the officer chose.
      return y && m && d ? dates.format(new Date(Date.UTC(y, m - 1, d))) : date;
    },
    formatDateTime: (instant) => {
      const time = new Date(instant);
      return Number.isNaN(time.getTime()) ? instant : dateTimes.format(time);
    },
    formatNumber: (value) => numbers.format(value),
    formatRupiah: (amount) => rupiah.format(amount),
    formatRelative: (instant, now) => {
      const seconds = (new Date(instant).getTime() - now.getTime()) / 1000;
      for (const [unit, size] of relativeUnits) {
        if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
      }
      // Under a minute: "sekarang" / "now". Seconds would be stale before the next re-render.
      return relative.format(0, 'second');
    },
  };
}

const cache = new Map<Language, Locale>();

export function localeFor(lang: Language): Locale {
  let locale = cache.get(lang);
  if (!locale) cache.set(lang, (locale = createLocale(lang)));
  return locale;
}
