import { z } from 'zod';
import { defineEntity } from '../entity';
import { f } from '../field';

export const occupancyReportStatuses = ['draft', 'submitted'] as const;

/** One unit's line in a month's report. */
export const occupancyRowSchema = z.strictObject({
  unitId: z.uuid(),
  occupied: z.boolean(),
  occupants: z.int().min(0).max(30),
  /** Months of rent unpaid, and their amount in rupiah. */
  arrearsMonths: z.int().min(0).max(120),
  arrearsAmount: z.int().min(0).max(10_000_000_000),
  issues: z.string().trim().max(500),
});
export type OccupancyRow = z.infer<typeof occupancyRowSchema>;

/** A site's monthly occupancy report, filed by the field officer. */
export const occupancyReport = defineEntity({
  name: 'occupancyReports',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    siteId: f.ref('sites'),
    /** The month reported, YYYY-MM. */
    month: f.checkedText(7, (v) => (/^20\d\d-(0[1-9]|1[0-2])$/.test(v) ? null : 'month_format')),
    status: f.oneOf(occupancyReportStatuses),
    rows: f.json(z.array(occupancyRowSchema).max(2000)),
    submittedAt: f.timestamp().nullable(),
    preparedBy: f.text(64),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
  compoundIndexes: [['siteId', 'month']],
  // A submitted report is the month's record: the officer no longer changes or deletes it.
  writeRule: ({ role, before }) =>
    role === 'field_officer' && before?.status === 'submitted'
      ? { code: 'report_submitted', message: 'The report was submitted; the office may change it' }
      : null,
});
