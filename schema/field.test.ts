import { describe, expect, it } from 'vitest';
import { fieldProblems } from './validators';
import { birthDateSchema, dateSchema } from './field';

const problem = (schema: typeof dateSchema, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : fieldProblems(parsed.error)[0]!.code;
};

describe('date fields', () => {
  it('take the program’s own dates from 2000 to 2100', () => {
    expect(problem(dateSchema, '2026-11-25')).toBeNull();
    expect(problem(dateSchema, '1999-12-31')).toBe('date_out_of_range');
    expect(problem(dateSchema, '2026-02-30')).toBe('invalid_date');
  });

  it('take a date of birth from 1900, with its own problem code', () => {
    expect(problem(birthDateSchema, '1985-06-15')).toBeNull();
    expect(problem(birthDateSchema, '1900-01-01')).toBeNull();
    expect(problem(birthDateSchema, '1899-12-31')).toBe('birth_date_out_of_range');
    expect(problem(birthDateSchema, '1985-02-30')).toBe('invalid_date');
  });

  it('know the calendar: month lengths and leap years', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '2026-01-01']) expect(problem(dateSchema, day), day).toBeNull();
    for (const day of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-06-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
      expect(problem(dateSchema, day), day).toBe('invalid_date');
    }
  });
});
