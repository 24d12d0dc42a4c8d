import type { Application, ApplicationEvent, Attachment, DuplicateFlag, Household, ProgramRule, Site } from '../../schema';
import type { LocalDb } from '../../worker';
import { readAttachmentsOf } from '../photos/attachments-of';
import { readOpenDuplicateFlags } from './household-duplicates';
import { readProgramRuleFor } from './household-program-rule';

export interface ApplicationDetail {
  application: Application;
  /** Null only while the household has not reached the device (it syncs in the same pull, usually). */
  household: Household | null;
  site: Site | null;
  /** Newest first. */
  events: ApplicationEvent[];
  /** The office's latest return for correction, with its comments on fields. */
  returnEvent: ApplicationEvent | null;
  /** The household's documents and the application's own, oldest first. */
  attachments: Attachment[];
  duplicateFlags: DuplicateFlag[];
  rule: ProgramRule | null;
}

/** Events by when they happened (device time), ties by id: ids are time-ordered (UUIDv7). */
export function newestFirst(events: readonly ApplicationEvent[]): ApplicationEvent[] {
  return [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** An application with everything its screen and its correction form show; null when not on the device. */
export async function readApplicationDetail(db: LocalDb, applicationId: string, today: string): Promise<ApplicationDetail | null> {
  const application = await db.applications.get(applicationId);
  if (!application || application.deleted) return null;
  const [found, site, allEvents, own] = await Promise.all([
    db.households.get(application.householdId),
    db.sites.get(application.siteId),
    db.applicationEvents.where('applicationId').equals(applicationId).toArray(),
    readAttachmentsOf(db, { applicationId }),
  ]);
  const household = found && !found.deleted ? found : null;
  const events = newestFirst(allEvents.filter((e) => !e.deleted));
  const [householdAttachments, duplicateFlags, rule] = household
    ? await Promise.all([readAttachmentsOf(db, { householdId: household.id }), readOpenDuplicateFlags(db, household.id), readProgramRuleFor(db, household.regionId, today)])
    : [[], [], null];
  return {
    application,
    household,
    site: site && !site.deleted ? site : null,
    events,
    returnEvent: events.find((e) => e.toStatus === 'returned') ?? null,
    attachments: [...householdAttachments, ...own],
    duplicateFlags,
    rule,
  };
}
