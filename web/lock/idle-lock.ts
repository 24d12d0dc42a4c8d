/**
 * When the app asks for the password again (issue 6): after it has been closed or in the background
 * for longer than `lockAfterMs`. A phone left on a table, or lent, then shows nothing of the
 * households until the officer unlocks it; quick switches between apps do not ask. The moment of
 * last use lives in localStorage, so it survives the app being closed.
 */
export const lockAfterMs = 15 * 60_000;
const storageKey = 'hunian.lastActiveAt';

export function lastActiveAt(): number | null {
  const value = Number(localStorage.getItem(storageKey));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function markActive(now = Date.now()): void {
  localStorage.setItem(storageKey, String(now));
}

export function forgetActivity(): void {
  localStorage.removeItem(storageKey);
}

/** Whether the app, opening or coming back now, must be unlocked first. */
export function mustUnlock(now = Date.now(), last = lastActiveAt()): boolean {
  return last === null || now - last > lockAfterMs;
}
