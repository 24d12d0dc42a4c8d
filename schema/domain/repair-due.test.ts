import { describe, expect, it } from 'vitest';
import { repairDaysBySeverity, repairDueDate, severities } from './repair-due';

describe('repairDueDate', () => {
  it('gives a day for a life-threatening problem, a week for a severe one, a month, a quarter', () => {
    expect(repairDueDate('2025-03-10', 'life_threatening')).toBe('2025-03-11');
    expect(repairDueDate('2025-03-10', 'severe')).toBe('2025-03-17');
    expect(repairDueDate('2025-03-10', 'moderate')).toBe('2025-04-09');
    expect(repairDueDate('2025-03-10', 'low')).toBe('2025-06-08');
  });

  it('crosses month and year ends, and leap days', () => {
    expect(repairDueDate('2025-12-31', 'life_threatening')).toBe('2026-01-01');
    expect(repairDueDate('2024-02-28', 'life_threatening')).toBe('2024-02-29');
    expect(repairDueDate('2025-02-28', 'life_threatening')).toBe('2025-03-01');
    expect(repairDueDate('2025-12-29', 'severe')).toBe('2026-01-05');
  });

  it('is later for a milder severity, never the inspection day itself', () => {
    const dues = severities.map((s) => repairDueDate('2025-07-01', s));
    expect(dues).toEqual([...dues].sort());
    for (const s of severities) expect(repairDaysBySeverity[s]).toBeGreaterThan(0);
  });

  it('does not depend on the time zone the code runs in', () => {
    // Written as calendar arithmetic in UTC: a Jakarta (UTC+7) morning is still the same day.
    expect(repairDueDate('2025-01-01', 'moderate')).toBe('2025-01-31');
  });
});
