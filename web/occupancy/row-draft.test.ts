import { describe, expect, it } from 'vitest';
import { checkDraft, lenientRow, parseWholeNumber, toDraft, type RowDraft } from './row-draft';

const unitId = '0190a8f0-0000-7000-8000-000000000001';
const draft = (extra: Partial<RowDraft> = {}): RowDraft => ({ unitId, occupied: true, occupants: '3', arrearsMonths: '0', arrearsAmount: '0', issues: '', ...extra });

describe('a typed whole number', () => {
  it('reads digits, and rupiah with Rp and thousands dots', () => {
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('')).toBeUndefined();
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
    expect(parseWholeNumber('Rp 1.500.000', true)).toBe(1_500_000);
    expect(parseWholeNumber('rp1500000', true)).toBe(1_500_000);
    expect(parseWholeNumber('1.500,50', true)).toBeNull();
    expect(parseWholeNumber('1.50', true)).toBeNull();
  });
});

describe('checking a row draft', () => {
  it('gives the row in the schema’s shape', () => {
    expect(checkDraft(draft({ arrearsMonths: '2', arrearsAmount: 'Rp 600.000', issues: ' pintu rusak ' }))).toEqual({
      row: { unitId, occupied: true, occupants: 3, arrearsMonths: 2, arrearsAmount: 600_000, issues: 'pintu rusak' },
      problems: null,
    });
  });

  it('names each field’s problem: empty, not a whole number, over the schema’s limit', () => {
    expect(checkDraft(draft({ occupants: '', arrearsMonths: '1,5', arrearsAmount: '99999999999', issues: 'x'.repeat(501) })).problems).toEqual({
      occupants: { code: 'required' },
      arrearsMonths: { code: 'wholeNumber' },
      arrearsAmount: { code: 'tooBig', max: 10_000_000_000 },
      issues: { code: 'tooLong', max: 500 },
    });
    expect(checkDraft(draft({ occupants: '31' })).problems).toEqual({ occupants: { code: 'tooBig', max: 30 } });
  });

  it('round-trips a saved row and reads a half-typed one leniently', () => {
    const row = { unitId, occupied: false, occupants: 0, arrearsMonths: 1, arrearsAmount: 250_000, issues: 'atap bocor' };
    expect(checkDraft(toDraft(row)).row).toEqual(row);
    expect(lenientRow(draft({ occupants: 'x', arrearsAmount: 'Rp 1.000' }))).toMatchObject({ occupants: 0, arrearsAmount: 1000 });
  });
});
