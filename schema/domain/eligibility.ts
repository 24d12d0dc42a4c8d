/**
 * The program's eligibility check, run offline on the device and again wherever a decision is
 * made. It explains itself: each rule says whether it passed and with what figures, so an officer
 * can tell the applicant why. The thresholds are data (a program rule per province, synced from
 * the server), never code.
 */

export const incomePeriods = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type IncomePeriod = (typeof incomePeriods)[number];

/**
 * Months are counted as 26 working days and 52/12 weeks, as the statistics office (BPS) does for
 * informal earnings reported by the day or week.
 */
const perMonth: Record<IncomePeriod, number> = { daily: 26, weekly: 52 / 12, monthly: 1, yearly: 1 / 12 };

export function monthlyAmount(amount: number, period: IncomePeriod): number {
  return Math.round(amount * perMonth[period]);
}

export interface IncomeInput {
  amount: number;
  period: IncomePeriod;
}

export interface EligibilityInput {
  /** The head's own income: the head is not one of `members` (households.ts). */
  headIncome: IncomeInput | null;
  members: readonly { income: IncomeInput | null }[];
  hasLocalIdCard: boolean;
  ownsHouse: boolean;
}

export interface ProgramRuleInput {
  maxMonthlyIncome: number;
  requireLocalIdCard: boolean;
  requireNoHouseOwned: boolean;
}

export type EligibilityReason =
  | { rule: 'income'; passed: boolean; monthlyIncome: number; threshold: number }
  | { rule: 'local_id'; passed: boolean }
  | { rule: 'no_house_owned'; passed: boolean };

export type EligibilityResult =
  /** No program rule for the household's province is on the device yet. */
  | { outcome: 'unknown'; reasons: [] }
  | { outcome: 'eligible' | 'not_eligible'; reasons: EligibilityReason[] };

/** What the whole household earns in a month: the head's income plus every member's. */
export function householdMonthlyIncome(household: Pick<EligibilityInput, 'headIncome' | 'members'>): number {
  const incomes = [household.headIncome, ...household.members.map((m) => m.income)];
  return incomes.reduce((sum: number, income) => sum + (income ? monthlyAmount(income.amount, income.period) : 0), 0);
}

export function checkEligibility(household: EligibilityInput, rule: ProgramRuleInput | null): EligibilityResult {
  if (!rule) return { outcome: 'unknown', reasons: [] };
  const monthlyIncome = householdMonthlyIncome(household);
  const reasons: EligibilityReason[] = [
    { rule: 'income', passed: monthlyIncome <= rule.maxMonthlyIncome, monthlyIncome, threshold: rule.maxMonthlyIncome },
  ];
  if (rule.requireLocalIdCard) reasons.push({ rule: 'local_id', passed: household.hasLocalIdCard });
  if (rule.requireNoHouseOwned) reasons.push({ rule: 'no_house_owned', passed: !household.ownsHouse });
  return { outcome: reasons.every((r) => r.passed) ? 'eligible' : 'not_eligible', reasons };
}
