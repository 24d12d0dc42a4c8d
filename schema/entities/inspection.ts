import { defineEntity } from '../entity';
import { f } from '../field';

/** 1 = very poor … 5 = very good. */
export const conditionRatings = [1, 2, 3, 4, 5] as const;

/** An inspection of a unit, recorded on site, usually offline. */
export const inspection = defineEntity({
  name: 'inspections',
  fields: {
    id: f.id(),
    /** Copied from the unit when the inspection is made: the record's region scope. */
    regionId: f.ref('regions'),
    unitId: f.ref('units'),
    inspectedOn: f.date(),
    conditionRating: f.int(1, 5),
    notes: f.text(2000),
    inspectorId: f.text(64),
    /** Device time when recorded: shown to people, never used to order anything. */
    recordedAt: f.timestamp(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
});
