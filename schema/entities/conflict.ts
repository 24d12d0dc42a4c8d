import { z } from 'zod';
import { defineEntity } from '../entity';
import { f } from '../field';

export const conflictStatuses = ['open', 'kept', 'restored'] as const;

/**
 * A value that lost a concurrent edit of the same field (SPEC S14). The server writes one for each
 * such field; office staff keep the current value or restore the lost one (a normal edit of the
 * record, then this record marked "restored"). It syncs like any record of its region.
 */
export const conflict = defineEntity({
  name: 'conflicts',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    entity: f.text(64, 1),
    recordId: f.id().indexed(),
    /** The field both sides changed, or "*" when the record had been deleted meanwhile. */
    field: f.text(64, 1),
    keptValue: f.json(z.unknown()).nullable(),
    /** The change-log seq of the change whose value was kept. */
    keptSeq: f.int(0),
    keptBy: f.text(64),
    lostValue: f.json(z.unknown()).nullable(),
    lostBy: f.text(64),
    lostDeviceId: f.text(64),
    lostMutationId: f.text(64),
    /** The device's clock when the losing edit was made: shown to people, never used to decide. */
    lostClientTime: f.timestamp(),
    status: f.oneOf(conflictStatuses),
    resolvedBy: f.text(64).nullable(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['office_staff', 'admin'],
});
