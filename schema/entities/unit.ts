import { defineEntity } from '../entity';
import { f } from '../field';

export const unitStatuses = ['available', 'reserved', 'occupied', 'under_repair', 'unavailable'] as const;

/** One rentable housing unit of a site. */
export const unit = defineEntity({
  name: 'units',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    siteId: f.ref('sites'),
    /** The unit's code as painted on the door, unique within its site, e.g. "A-302". */
    code: f.text(30, 1).indexed(),
    block: f.text(30),
    floor: f.int(0, 100),
    number: f.text(10, 1),
    sizeM2: f.real(1, 1000),
    accessible: f.bool(),
    monthlyRent: f.int(0, 100_000_000),
    status: f.oneOf(unitStatuses),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['office_staff', 'admin'],
  compoundIndexes: [['siteId', 'code']],
});
