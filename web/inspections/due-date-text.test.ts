import { describe, expect, it } from 'vitest';
import { fill } from '../i18n/feature-messages';
import { localeFor } from '../i18n/locale';
import { dueDateText, isOverdue } from './due-date-text';
import { inspectionMessages, type InspectionMessageKey } from './inspection-messages';

const speak = (lang: 'id' | 'en') => (key: InspectionMessageKey, values?: Record<string, string | number>) => fill(inspectionMessages[lang][key], values);

describe('dueDateText', () => {
  it('shows the due date in the officer’s language with the days the severity allows', () => {
    expect(dueDateText('2026-05-08', '2026-05-01', localeFor('id').formatDate, speak('id'))).toBe('8 Mei 2026 (7 hari)');
    expect(dueDateText('2026-05-08', '2026-05-01', localeFor('en').formatDate, speak('en'))).toBe('May 8, 2026 (7 days)');
    expect(dueDateText('2026-05-02', '2026-05-01', localeFor('en').formatDate, speak('en'))).toBe('May 2, 2026 (1 day)');
  });

  it('says when it will show while it cannot be known', () => {
    expect(dueDateText(null, '2026-05-01', localeFor('id').formatDate, speak('id'))).toBe(inspectionMessages.id['checklist.dueDatePending']);
  });
});

describe('isOverdue', () => {
  it('is late the day after the due day, not on it', () => {
    expect(isOverdue('2026-05-08', '2026-05-08')).toBe(false);
    expect(isOverdue('2026-05-08', '2026-05-09')).toBe(true);
    expect(isOverdue('2026-05-08', '2026-05-07')).toBe(false);
  });
});
