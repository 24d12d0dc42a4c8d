import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SQLiteColumnBuilderBase, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { columnsOf, type AnyEntity } from './entity';
import { entities, type EntityName } from './entities';
import type { Field } from './field';
import type { Fields } from './entity';

export function columnName(fieldName: string): string {
  return fieldName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function columnFor(fieldName: string, field: Field): SQLiteColumnBuilderBase {
  const name = columnName(fieldName);
  const base = (() => {
    switch (field.kind) {
      case 'text':
        return text(name);
      case 'integer':
        return integer(name);
      case 'real':
        return real(name);
      case 'boolean':
        return integer(name, { mode: 'boolean' });
      case 'json':
        return text(name, { mode: 'json' });
    }
  })();
  if (fieldName === 'id') return base.primaryKey();
  const withDefault = field.options.existingRowsValue === undefined ? base : base.default(field.options.existingRowsValue as never);
  return field.options.nullable ? withDefault : withDefault.notNull();
}

// The columns are built from data, so their static type is generic; callers treat rows as records
// and validate them with the entity's zod validator where it matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EntityTable = SQLiteTableWithColumns<any>;

function tableFor(entity: AnyEntity): EntityTable {
  const columns = Object.fromEntries(columnsOf(entity).map(([name, field]) => [name, columnFor(name, field)]));
  return sqliteTable(entity.name, columns, (t) => {
    const single = columnsOf(entity)
      .filter(([name, field]) => name !== 'id' && field.options.indexed)
      .map(([name, field]) =>
        (field.options.unique ? uniqueIndex : index)(`${entity.name}_${columnName(name)}_idx`).on(t[name]!),
      );
    const compound = (entity.compoundIndexes ?? []).map((fields) =>
      index(`${entity.name}_${fields.map(columnName).join('_')}_idx`).on(
        ...(fields.map((name) => t[name]!) as [(typeof t)[string], ...(typeof t)[string][]]),
      ),
    );
    return [...single, ...compound];
  });
}

export const entityTables = Object.fromEntries(entities.map((e) => [e.name, tableFor(e)])) as Record<
  EntityName,
  EntityTable
>;

// drizzle-kit finds tables among a module's named exports.
export const {
  regions,
  programRules,
  sites,
  units,
  households,
  applications,
  applicationEvents,
  inspections,
  attachments,
  leases,
  occupancyReports,
  duplicateFlags,
  conflicts,
  users,
} = entityTables;

function listItemTable(name: string) {
  return sqliteTable(name, { value: text('value').notNull(), recordId: text('record_id').notNull() }, (t) => [
    primaryKey({ columns: [t.value, t.recordId] }),
    index(`${name}_record_idx`).on(t.recordId),
  ]);
}

export type ListItemTable = ReturnType<typeof listItemTable>;

/**
 * An indexed item key of a list field (FieldOptions.indexedItemKeys) and its table: one row for
 * each distinct non-empty text that the key takes in a live record's list, with the record's id.
 * The storage rewrites a record's rows with every write of the record (a tombstone keeps none).
 */
export interface ListItemIndex {
  entity: EntityName;
  field: string;
  itemKey: string;
  table: ListItemTable;
}

export const listItemIndexes: readonly ListItemIndex[] = entities.flatMap((entity) =>
  Object.entries(entity.fields as Fields).flatMap(([field, definition]) =>
    (definition.options.indexedItemKeys ?? []).map((itemKey) => ({
      entity: entity.name,
      field,
      itemKey,
      table: listItemTable(`${entity.name}_${columnName(field)}_${columnName(itemKey)}`),
    })),
  ),
);

export function listItemIndex(entity: string, field: string, itemKey: string): ListItemIndex | undefined {
  return listItemIndexes.find((i) => i.entity === entity && i.field === field && i.itemKey === itemKey);
}

// Named, for drizzle-kit (a test checks that every list-item table is exported).
export const householdsMembersNik = listItemIndex('households', 'members', 'nik')!.table;
