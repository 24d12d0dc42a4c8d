import { defineEntity } from '../entity';
import { f } from '../field';

/** A building or estate (rusunawa) holding units. */
export const site = defineEntity({
  name: 'sites',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    name: f.text(120, 1),
    address: f.text(300, 1),
    latitude: f.real(-90, 90).nullable(),
    longitude: f.real(-180, 180).nullable(),
    floors: f.int(1, 100),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['office_staff', 'admin'],
});
