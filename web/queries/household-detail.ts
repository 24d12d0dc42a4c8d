import type { Application, Attachment, DuplicateFlag, Household, ProgramRule, Region, Site } from '../../schema';
import type { LocalDb } from '../../worker';
import { readAttachmentsOf } from '../photos/attachments-of';
import { readOpenDuplicateFlags } from './household-duplicates';
import { readProgramRuleFor } from './household-program-rule';

export interface HouseholdApplication {
  application: Application;
  site: Site | null;
}

export interface HouseholdDetail {
  household: Household;
  region: Region | null;
  /** Most recently submitted (a draft: changed) first. */
  applications: HouseholdApplication[];
  attachments: Attachment[];
  duplicateFlags: DuplicateFlag[];
  rule: ProgramRule | null;
}

/** A household with its applications and documents; null when not on the device. */
export async function readHouseholdDetail(db: LocalDb, householdId: string, today: string): Promise<HouseholdDetail | null> {
  const household = await db.households.get(householdId);
  if (!household || household.deleted) return null;
  const [region, applications, attachments, duplicateFlags, rule] = await Promise.all([
    db.regions.get(household.regionId),
    db.applications.where('householdId').equals(householdId).toArray(),
    readAttachmentsOf(db, { householdId }),
    readOpenDuplicateFlags(db, householdId),
    readProgramRuleFor(db, household.regionId, today),
  ]);
  const live = applications.filter((a) => !a.deleted);
  const sites = await db.sites.bulkGet(live.map((a) => a.siteId));
  return {
    household,
    region: region ?? null,
    applications: live
      .map((application, i) => ({ application, site: sites[i] && !sites[i].deleted ? sites[i] : null }))
      .sort((a, b) => (b.application.submittedAt ?? b.application.updatedAt).localeCompare(a.application.submittedAt ?? a.application.updatedAt)),
    attachments,
    duplicateFlags,
    rule,
  };
}
