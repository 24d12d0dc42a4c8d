import { inspection, unit } from '../../schema';
import { conditionKey } from './condition-key';
import { inspectionTypeKey } from './inspection-type-key';
import type { MessageKey } from './id';
import type { Locale } from './locale';

/** Entities in words ("Unit", "Pemeriksaan"); an entity without words shows its wire name. */
const entityKeys: Record<string, MessageKey> = {
  regions: 'entity.regions',
  sites: 'entity.sites',
  units: 'entity.units',
  inspections: 'entity.inspections',
  conflicts: 'entity.conflicts',
  applications: 'entity.applications',
  households: 'entity.households',
  leases: 'entity.leases',
  occupancyReports: 'entity.occupancyReports',
};

/** Field labels, by entity then field, reusing the words the screens already show for them. */
const fieldKeys: Record<string, Record<string, MessageKey>> = {
  units: {
    code: 'field.code',
    block: 'unit.block',
    floor: 'unit.floor',
    number: 'field.number',
    sizeM2: 'unit.size',
    accessible: 'unit.accessible',
    monthlyRent: 'unit.rent',
    status: 'unit.status',
  },
  inspections: {
    type: 'inspection.type',
    inspectedOn: 'inspection.date',
    conditionRating: 'inspection.condition',
    notes: 'inspection.notes',
  },
  sites: { name: 'field.name', address: 'field.address' },
  regions: { name: 'field.name' },
};

export function entityWords(locale: Locale, entity: string): string {
  const key = entityKeys[entity];
  return key ? locale.t(key) : entity;
}

export function fieldWords(locale: Locale, entity: string, field: string): string {
  const key = fieldKeys[entity]?.[field];
  return key ? locale.t(key) : field;
}

const unitStatuses = unit.fields.status.zod.options;
const inspectionTypes = inspection.fields.type.zod.options;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/**
 * A field's value as a person reads it: a status or condition in words, rent as Rupiah, a date
 * as a date. A value of an unexpected shape (an older version's, say) is shown as it is.
 */
export function valueWords(locale: Locale, entity: string, field: string, value: unknown): string {
  const { t } = locale;
  if (value === null || value === undefined || value === '') return t('conflicts.empty');
  if (entity === 'units') {
    if (field === 'status' && isOneOf(unitStatuses, value)) return t(`status.${value}`);
    if (field === 'monthlyRent' && typeof value === 'number') return locale.formatRupiah(value);
    if (field === 'sizeM2' && typeof value === 'number') return `${locale.formatNumber(value)} m²`;
  }
  if (entity === 'inspections') {
    if (field === 'type' && isOneOf(inspectionTypes, value)) return t(inspectionTypeKey(value));
    if (field === 'conditionRating' && typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
      return t(conditionKey(value));
    }
    if (field === 'inspectedOn' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return locale.formatDate(value);
  }
  if (typeof value === 'boolean') return value ? t('unit.yes') : t('unit.no');
  if (typeof value === 'number') return locale.formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
