import { entityByName, validators } from '../schema';

/** A record from the server, checked at the boundary; undefined for an entity this app does not know. */
export function parseServerRecord(entityName: string, record: unknown): Record<string, unknown> | undefined {
  const entity = entityByName(entityName);
  // A newer server may know entities this app version does not: skip them, keep the cursor moving.
  if (!entity?.synced) return undefined;
  const parsed = validators[entity.name].record.safeParse(record);
  if (!parsed.success) {
    console.warn(`Skipping an invalid ${entityName} record from the server`, parsed.error.issues);
    return undefined;
  }
  return parsed.data as Record<string, unknown>;
}
