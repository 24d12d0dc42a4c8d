import { severities, type Severity } from '../../schema';
import type { LocalDb } from '../../worker';
import { useAppServices } from '../app-services';
import { todayLocalDate } from '../local-date';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';

/** A problem an inspection found and nobody has marked repaired yet. */
export interface RepairDue {
  inspectionId: string;
  inspectedOn: string;
  unitId: string;
  unitCode: string;
  /** Empty when the device does not hold the unit's site. */
  siteName: string;
  /** The checklist item, "area.item" (its words: checklistItemMessageKey in web/inspections). */
  itemKey: string;
  severity: Severity;
  description: string;
  repairAction: string;
  dueDate: string;
  /** The due day has passed (a repair due today is not overdue yet). */
  overdue: boolean;
}

const severityRank = (severity: Severity) => severities.indexOf(severity);

/**
 * The open problems of the device's inspections (not deleted, of units the device holds), the
 * soonest due first, then the most severe. A problem stays open until its own inspection marks
 * it repaired (resolvedOn): a later inspection rating the item well does not close it, because
 * only the officer can say the repair was the one asked for.
 */
export async function readRepairsDue(db: LocalDb, today: string): Promise<RepairDue[]> {
  const inspections = (await db.inspections.toArray()).filter((i) => !i.deleted && i.checklist.some((item) => item.problem && !item.problem.resolvedOn));
  const unitIds = [...new Set(inspections.map((i) => i.unitId))];
  const units = new Map((await db.units.bulkGet(unitIds)).filter((u) => u && !u.deleted).map((u) => [u!.id, u!]));
  const siteIds = [...new Set([...units.values()].map((u) => u.siteId))];
  const sites = new Map((await db.sites.bulkGet(siteIds)).filter((s) => s && !s.deleted).map((s) => [s!.id, s!]));

  const repairs: RepairDue[] = [];
  for (const inspection of inspections) {
    const unit = units.get(inspection.unitId);
    if (!unit) continue;
    for (const { key, problem } of inspection.checklist) {
      if (!problem || problem.resolvedOn) continue;
      repairs.push({
        inspectionId: inspection.id,
        inspectedOn: inspection.inspectedOn,
        unitId: unit.id,
        unitCode: unit.code,
        siteName: sites.get(unit.siteId)?.name ?? '',
        itemKey: key,
        severity: problem.severity,
        description: problem.description,
        repairAction: problem.repairAction,
        dueDate: problem.dueDate,
        overdue: problem.dueDate < today,
      });
    }
  }
  return repairs.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      a.unitCode.localeCompare(b.unitCode) ||
      a.itemKey.localeCompare(b.itemKey),
  );
}

/** The open repairs, kept current as inspections change, and as a day turns (overdue flags). */
export function useRepairsDue(): RepairDue[] | undefined {
  const { db } = useAppServices();
  // Checked each minute; the query re-runs only when the calendar day changes.
  const today = todayLocalDate(useNow(60_000));
  return useLiveQuery(() => readRepairsDue(db, today), [db, today]);
}
