import { defineEntity } from '../entity';
import { f } from '../field';

/**
 * The eligibility thresholds of the program in one province (e.g. the provincial minimum wage as
 * the income ceiling). Data, not code: administrators change them and devices receive them by sync.
 * A user reads the rules of the regions above hers (S6), so an officer of a city gets her province's.
 */
export const programRule = defineEntity({
  name: 'programRules',
  fields: {
    id: f.id(),
    /** The province the rule applies to. */
    regionId: f.ref('regions'),
    name: f.text(120, 1),
    maxMonthlyIncome: f.int(0, 1_000_000_000),
    requireLocalIdCard: f.bool(),
    requireNoHouseOwned: f.bool(),
    effectiveFrom: f.date(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['admin'],
});
