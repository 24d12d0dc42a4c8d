import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import { listItemIndexes, type ListItemIndex } from '../../../schema/drizzle-tables';

/**
 * The values a list-item index holds for one record's list (schema/drizzle-tables.ts,
 * listItemIndexes): each distinct non-empty text at `itemKey` (a number is not indexed: SQLite and
 * JavaScript write some numbers as text differently). The migration that adds an index fills it
 * from the stored records by the same rule, in SQL.
 */
export function indexedItemValues(list: unknown, itemKey: string): string[] {
  if (!Array.isArray(list)) return [];
  const values = new Set<string>();
  for (const item of list as unknown[]) {
    const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[itemKey] : undefined;
    if (typeof value === 'string' && value !== '') values.add(value);
  }
  return [...values];
}

interface PreparedIndex {
  index: ListItemIndex;
  clear: Database.Statement;
  add: Database.Statement;
}

/**
 * Keeps the list-item tables in step with the records written on this connection: each write of
 * a record (always whole: writeChange) replaces its rows with those of its list; a tombstone
 * keeps none. Records are never removed from their table (deletes are tombstones), so nothing
 * else writes them.
 */
export function listItemWriter(sqlite: Database.Database): (entity: string, record: Readonly<Record<string, unknown>>) => void {
  const byEntity = new Map<string, PreparedIndex[]>();
  const preparedFor = (entity: string) => {
    let found = byEntity.get(entity);
    if (!found) {
      found = listItemIndexes
        .filter((index) => index.entity === entity)
        .map((index) => {
          const name = getTableName(index.table);
          return {
            index,
            clear: sqlite.prepare(`delete from "${name}" where record_id = ?`),
            add: sqlite.prepare(`insert or ignore into "${name}" (value, record_id) values (?, ?)`),
          };
        });
      byEntity.set(entity, found);
    }
    return found;
  };
  return (entity, record) => {
    for (const { index, clear, add } of preparedFor(entity)) {
      const id = String(record.id);
      clear.run(id);
      if (record.deleted === true) continue;
      for (const value of indexedItemValues(record[index.field], index.itemKey)) add.run(value, id);
    }
  };
}
