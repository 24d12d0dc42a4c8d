import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { localeFor } from './locale';

describe('locale', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(localeFor('id').t('sync.lastSynced', { time: 'kemarin' })).toBe('Terakhir sinkron: kemarin');
    expect(localeFor('en').t('sync.lastSynced')).toBe('Last synced: {time}');
  });

  it('prints a calendar date as that day, whatever the time zone', () => {
    expect(localeFor('id').formatDate('2026-01-01')).toBe('1 Januari 2026');
    expect(localeFor('en').formatDate('2026-12-31')).toMatch(/December 31, 2026/);
  });

  it('says how long ago in words', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(localeFor('id').formatRelative('2026-05-10T11:59:30Z', now)).toBe('sekarang');
    expect(localeFor('en').formatRelative('2026-05-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(localeFor('id').formatRelative('2026-05-09T12:00:00Z', now)).toBe('kemarin');
  });

  it('prints an instant with its date and time, and an unreadable one as it is', () => {
    expect(localeFor('id').formatDateTime('2026-05-10T12:00:00Z')).toMatch(/2026/);
    expect(localeFor('en').formatDateTime('yesterday')).toBe('yesterday');
  });

  it('formats rent as Rupiah without cents', () => {
    expect(localeFor('id').formatRupiah(350_000).replace(/\s/g, ' ')).toBe('Rp 350.000');
  });

  it('has no empty message in either language', () => {
    for (const messages of [id, en]) expect(Object.values(messages).filter((m) => m.trim() === '')).toEqual([]);
  });
});
