// Generated from schema/entities (writableBy) by `npm run schema:generate` (scripts/generate-schema.ts). Do not edit.
// The page reads this instead of deriving it, so that its first load needs no zod (docs/decisions/014).

import type { Role } from '../roles';

type SyncedEntityName =
  | 'regions'
  | 'programRules'
  | 'sites'
  | 'units'
  | 'households'
  | 'applications'
  | 'applicationEvents'
  | 'inspections'
  | 'attachments'
  | 'leases'
  | 'occupancyReports'
  | 'duplicateFlags'
  | 'conflicts';

/** Roles that may create or change records of each synced entity through a push, by store name. */
export const syncedEntityWriters: Readonly<Record<SyncedEntityName, readonly Role[]>> = {
  regions: ['admin'],
  programRules: ['admin'],
  sites: ['office_staff', 'admin'],
  units: ['office_staff', 'admin'],
  households: ['field_officer', 'office_staff', 'admin'],
  applications: ['field_officer', 'office_staff', 'admin'],
  applicationEvents: ['field_officer', 'office_staff', 'admin'],
  inspections: ['field_officer', 'office_staff', 'admin'],
  attachments: ['field_officer', 'office_staff', 'admin'],
  leases: ['office_staff', 'admin'],
  occupancyReports: ['field_officer', 'office_staff', 'admin'],
  duplicateFlags: ['office_staff', 'admin'],
  conflicts: ['office_staff', 'admin'],
};
