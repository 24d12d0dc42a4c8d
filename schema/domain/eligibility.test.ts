import { describe, expect, it } from 'vitest';
import { checkEligibility, householdMonthlyIncome, monthlyAmount, type EligibilityInput, type ProgramRuleInput } from './eligibility';

/** Jawa Barat's 2025 provincial minimum wage (UMP) as the ceiling. */
const jawaBarat: ProgramRuleInput = { maxMonthlyIncome: 2_191_232, requireLocalIdCard: true, requireNoHouseOwned: true };

const household = (overrides: Partial<EligibilityInput> = {}): EligibilityInput => ({
  headIncome: { amount: 1_500_000, period: 'monthly' },
  members: [],
  hasLocalIdCard: true,
  ownsHouse: false,
  ...overrides,
});

describe('monthlyAmount', () => {
  it('counts 26 working days, 52/12 weeks, a twelfth of a year', () => {
    expect(monthlyAmount(80_000, 'daily')).toBe(2_080_000);
    expect(monthlyAmount(300_000, 'weekly')).toBe(1_300_000);
    expect(monthlyAmount(2_000_000, 'monthly')).toBe(2_000_000);
    expect(monthlyAmount(30_000_000, 'yearly')).toBe(2_500_000);
  });

  it('rounds to whole rupiah', () => {
    expect(monthlyAmount(100_001, 'weekly')).toBe(433_338);
    expect(Number.isInteger(monthlyAmount(7, 'yearly'))).toBe(true);
  });
});

describe('householdMonthlyIncome', () => {
  it("adds the head's income to every member's, each per month", () => {
    const income = householdMonthlyIncome({
      headIncome: { amount: 60_000, period: 'daily' }, // an ojek driver: 1.560.000
      members: [{ income: { amount: 150_000, period: 'weekly' } }, { income: null }, { income: { amount: 6_000_000, period: 'yearly' } }],
    });
    expect(income).toBe(1_560_000 + 650_000 + 500_000);
  });

  it('counts the head even when no member earns', () => {
    expect(householdMonthlyIncome({ headIncome: { amount: 5_000_000, period: 'monthly' }, members: [{ income: null }] })).toBe(5_000_000);
  });

  it('is zero for a household without any income', () => {
    expect(householdMonthlyIncome({ headIncome: null, members: [] })).toBe(0);
  });
});

describe('checkEligibility', () => {
  it('is unknown without a program rule on the device', () => {
    expect(checkEligibility(household(), null)).toEqual({ outcome: 'unknown', reasons: [] });
  });

  it('is eligible under the ceiling with a local KTP and no house, and says why', () => {
    expect(checkEligibility(household(), jawaBarat)).toEqual({
      outcome: 'eligible',
      reasons: [
        { rule: 'income', passed: true, monthlyIncome: 1_500_000, threshold: 2_191_232 },
        { rule: 'local_id', passed: true },
        { rule: 'no_house_owned', passed: true },
      ],
    });
  });

  it('takes exactly the ceiling as within it, one rupiah more as over it', () => {
    const at = household({ headIncome: { amount: 2_191_232, period: 'monthly' } });
    const over = household({ headIncome: { amount: 2_191_233, period: 'monthly' } });
    expect(checkEligibility(at, jawaBarat).outcome).toBe('eligible');
    const result = checkEligibility(over, jawaBarat);
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[0]).toEqual({ rule: 'income', passed: false, monthlyIncome: 2_191_233, threshold: 2_191_232 });
  });

  it("is not eligible when the head's income alone is over the ceiling", () => {
    const result = checkEligibility(household({ headIncome: { amount: 3_000_000, period: 'monthly' } }), jawaBarat);
    expect(result.outcome).toBe('not_eligible');
  });

  it('adds the members: two incomes under the ceiling can be over it together', () => {
    const result = checkEligibility(household({ members: [{ income: { amount: 30_000, period: 'daily' } }] }), jawaBarat);
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[0]).toEqual({ rule: 'income', passed: false, monthlyIncome: 1_500_000 + 780_000, threshold: 2_191_232 });
  });

  it('fails on a KTP from elsewhere, or a house owned, each named', () => {
    const outsider = checkEligibility(household({ hasLocalIdCard: false }), jawaBarat);
    expect(outsider.outcome).toBe('not_eligible');
    expect(outsider.reasons).toContainEqual({ rule: 'local_id', passed: false });
    const owner = checkEligibility(household({ ownsHouse: true }), jawaBarat);
    expect(owner.outcome).toBe('not_eligible');
    expect(owner.reasons).toContainEqual({ rule: 'no_house_owned', passed: false });
  });

  it('leaves out the checks a province does not require', () => {
    const lenient = { ...jawaBarat, requireLocalIdCard: false, requireNoHouseOwned: false };
    const result = checkEligibility(household({ hasLocalIdCard: false, ownsHouse: true }), lenient);
    expect(result.outcome).toBe('eligible');
    expect(result.reasons.map((r) => r.rule)).toEqual(['income']);
  });

  it('uses the figures of the rule it is given (DKI Jakarta’s higher ceiling)', () => {
    const jakarta = { ...jawaBarat, maxMonthlyIncome: 5_396_761 };
    const earner = household({ headIncome: { amount: 4_500_000, period: 'monthly' } });
    expect(checkEligibility(earner, jawaBarat).outcome).toBe('not_eligible');
    expect(checkEligibility(earner, jakarta).outcome).toBe('eligible');
  });
});
