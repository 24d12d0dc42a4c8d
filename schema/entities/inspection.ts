import { defineEntity } from '../entity';
import { f } from '../field';
import { checklistSchema } from '../domain/inspection-checklist';

export const inspectionTypes = ['move_in', 'periodic', 'move_out', 'complaint'] as const;

/** An inspection of a unit, recorded on site, usually offline. */
export const inspection = defineEntity({
  name: 'inspections',
  fields: {
    id: f.id(),
    /** Copied from the unit when the inspection is made: the record's region scope. */
    regionId: f.ref('regions'),
    unitId: f.ref('units'),
    /** Added in schema version 2; older mutations are upgraded to "periodic" (upgrades.ts). */
    type: f.oneOf(inspectionTypes).existingRows('periodic'),
    inspectedOn: f.date(),
    /** 1 = very poor … 5 = very good. */
    conditionRating: f.int(1, 5),
    notes: f.text(2000),
    inspectorId: f.text(64),
    /** Where the phone was, and how sure it was (metres). Null when GPS gave nothing. Version 3. */
    latitude: f.real(-90, 90).nullable(),
    longitude: f.real(-180, 180).nullable(),
    gpsAccuracyM: f.real(0, 100_000).nullable(),
    /** The items inspected, with their problems. Version 3; older inspections have none. */
    checklist: f.json(checklistSchema).existingRows('[]'),
    /** Device time when recorded: shown to people, never used to order anything. */
    recordedAt: f.timestamp(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
});
