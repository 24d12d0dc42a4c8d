/**
 * How long to wait before retrying after a server fault: exponential from 2 s, capped at 5 min,
 * never sooner than the server's Retry-After, and spread by ±50% jitter so that a thousand phones
 * that lost the server together do not come back together.
 */
export function retryDelayMs(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const exponential = Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, attempt));
  return Math.round(Math.max(retryAfterMs, exponential) * (0.5 + random()));
}
