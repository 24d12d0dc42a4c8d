import { checkEligibility, householdMonthlyIncome, type EligibilityResult, type Household, type Income, type ProgramRuleInput } from '../../schema';

/**
 * A household as the summaries and the eligibility check see it: what the records hold, or what
 * the form would save so far (a field not filled in yet is undefined).
 */
export type HouseholdView = Partial<Omit<Household, 'members'>> & {
  members: readonly {
    key: string;
    name?: string | undefined;
    nik?: string | null | undefined;
    relationship?: string | undefined;
    age?: number | undefined;
    occupation?: string | undefined;
    income?: Partial<Income> | null | undefined;
  }[];
};

/** An income complete enough to count; one still being typed counts as none until it is. */
function complete(income: Partial<Income> | null | undefined) {
  return income && income.amount !== undefined && income.period !== undefined ? { amount: income.amount, period: income.period } : null;
}

export function monthlyIncomeOf(household: HouseholdView): number {
  return householdMonthlyIncome({ headIncome: complete(household.headIncome), members: household.members.map((m) => ({ income: complete(m.income) })) });
}

/** The offline eligibility check of a household against its province's rule (null: not on the device). */
export function eligibilityOf(household: HouseholdView, rule: ProgramRuleInput | null): EligibilityResult {
  return checkEligibility(
    {
      headIncome: complete(household.headIncome),
      members: household.members.map((m) => ({ income: complete(m.income) })),
      hasLocalIdCard: household.hasLocalIdCard === true,
      ownsHouse: household.ownsHouse === true,
    },
    rule,
  );
}
