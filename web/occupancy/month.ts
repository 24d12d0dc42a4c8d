import type { Language } from '../i18n/language';

/**
 * Months as the occupancy report names them, 'YYYY-MM'. Kept small and free of imports: home
 * (in the main chunk) uses it to find this month's reports.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The month the officer's calendar shows now: local time, like todayLocalDate. */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

function parts(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number);
  return [y!, m!];
}

export function previousMonth(month: string): string {
  const [y, m] = parts(month);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The first and last day of a month, 'YYYY-MM-DD'. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = parts(month);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${pad(lastDay)}` };
}

const formats = new Map<Language, Intl.DateTimeFormat>();

/** A month in words, e.g. "November 2026". */
export function formatMonth(month: string, lang: Language): string {
  const [y, m] = parts(month);
  if (!y || !m) return month;
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(y, m - 1, 1)));
}
