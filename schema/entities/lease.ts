import { defineEntity } from '../entity';
import { f } from '../field';

export const leaseStatuses = ['active', 'ended'] as const;

/** The rental agreement between a household and the program for one unit. */
export const lease = defineEntity({
  name: 'leases',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    agreementNumber: f.text(40, 1).indexed(),
    householdId: f.ref('households'),
    unitId: f.ref('units'),
    applicationId: f.ref('applications').nullable(),
    startDate: f.date(),
    endDate: f.date(),
    monthlyRent: f.int(0, 100_000_000),
    deposit: f.int(0, 1_000_000_000),
    status: f.oneOf(leaseStatuses),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['office_staff', 'admin'],
  writeRule: ({ after }) =>
    String(after.endDate) > String(after.startDate) ? null : { code: 'end_before_start', message: 'A lease ends after it starts' },
});
