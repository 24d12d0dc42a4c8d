import { conflict } from './conflict';
import { inspection } from './inspection';
import { region } from './region';
import { site } from './site';
import { unit } from './unit';
import { user } from './user';

export { conflict, inspection, region, site, unit, user };

/**
 * Every entity, in dependency order (a record may reference only entities listed before it).
 * Households, applications, leases, occupancy reports and attachments join this list with a file
 * each; nothing else has to change for them to get a Dexie store, a table and validators.
 */
export const entities = [region, site, unit, inspection, conflict, user] as const;

export type Entity = (typeof entities)[number];
export type EntityName = Entity['name'];
export const syncedEntities: readonly Entity[] = entities.filter((e) => e.synced);

export function entityByName(name: string): Entity | undefined {
  return entities.find((e) => e.name === name);
}
