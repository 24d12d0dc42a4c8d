import { daysBetween } from './checklist-form';
import type { InspectionMessageKey } from './inspection-messages';

type Say = (key: InspectionMessageKey, values?: Record<string, string | number>) => string;

/**
 * A repair's due date as the form shows it beside the severity: the date in the officer's
 * language and the days it allows ("8 Mei 2026 (7 hari)"), or a hint while it cannot be known.
 */
export function dueDateText(dueDate: string | null, inspectedOn: string, formatDate: (date: string) => string, m: Say): string {
  if (!dueDate) return m('checklist.dueDatePending');
  const days = daysBetween(inspectedOn, dueDate);
  return days === 1 ? m('checklist.dueDateValueOne', { date: formatDate(dueDate) }) : m('checklist.dueDateValue', { date: formatDate(dueDate), days });
}

/** Whether an open repair is late: its due day has passed (it is still due on the day itself). */
export function isOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}
