/**
 * Today as the officer's calendar shows it, 'YYYY-MM-DD'. Not `toISOString()`: that is the UTC
 * date, which in Indonesia (UTC+7 to +9) is still yesterday until 7 to 9 in the morning.
 */
export function todayLocalDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
