import { defineEntity } from '../entity';
import { f } from '../field';

export const regionLevels = ['province', 'regency', 'district', 'village'] as const;

/**
 * A node of the administrative hierarchy: province, regency or city, district, village. A user
 * assigned a region may see it and every region below it.
 */
export const region = defineEntity({
  name: 'regions',
  fields: {
    id: f.id(),
    parentId: f.id().nullable().indexed(),
    level: f.oneOf(regionLevels),
    /** The official code (kode wilayah), e.g. "32.73". */
    code: f.text(20, 1),
    name: f.text(120, 1),
  },
  /** A region is scoped to itself. */
  regionField: 'id',
  synced: true,
  writableBy: ['admin'],
});
