import { application } from './application';
import { applicationEvent } from './application-event';
import { attachment } from './attachment';
import { conflict } from './conflict';
import { duplicateFlag } from './duplicate-flag';
import { household } from './household';
import { lease } from './lease';
import { occupancyReport } from './occupancy-report';
import { programRule } from './program-rule';
import { inspection } from './inspection';
import { region } from './region';
import { site } from './site';
import { unit } from './unit';
import { user } from './user';

export {
  application,
  applicationEvent,
  attachment,
  conflict,
  duplicateFlag,
  household,
  inspection,
  lease,
  occupancyReport,
  programRule,
  region,
  site,
  unit,
  user,
};

/**
 * Every entity, in dependency order (a record may reference only entities listed before it).
 * A new entity joins this list with a file; it then has a Dexie store, a table and validators.
 */
export const entities = [
  region,
  programRule,
  site,
  unit,
  household,
  application,
  applicationEvent,
  inspection,
  attachment,
  lease,
  occupancyReport,
  duplicateFlag,
  conflict,
  user,
] as const;

export type Entity = (typeof entities)[number];
export type EntityName = Entity['name'];
export const syncedEntities: readonly Entity[] = entities.filter((e) => e.synced);

export function entityByName(name: string): Entity | undefined {
  return entities.find((e) => e.name === name);
}
