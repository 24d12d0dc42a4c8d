import { entityByName, validators, type EntityName } from '../schema';
import { fastRecordParser, type FastRecordParser } from './fast-record-parser';

const fastParsers = new Map<EntityName, FastRecordParser>();

/** A record from the server, checked at the boundary; undefined for an entity this app does not know. */
export function parseServerRecord(entityName: string, record: unknown): Record<string, unknown> | undefined {
  const entity = entityByName(entityName);
  // A newer server may know entities this app version does not: skip them, keep the cursor moving.
  if (!entity?.synced) return undefined;
  const validator = validators[entity.name].record;
  // Most records take the fast way through the same validator; the rest get zod's full answer.
  let fast = fastParsers.get(entity.name);
  if (!fast) fastParsers.set(entity.name, (fast = fastRecordParser(validator)));
  const quick = fast(record);
  if (quick) return quick;
  const parsed = validator.safeParse(record);
  if (!parsed.success) {
    console.warn(`Skipping an invalid ${entityName} record from the server`, parsed.error.issues);
    return undefined;
  }
  return parsed.data as Record<string, unknown>;
}
