import { defineEntity } from '../entity';
import { f } from '../field';

export const duplicateFlagStatuses = ['open', 'dismissed'] as const;

/**
 * The server found a household's NIK in another household, perhaps in a region this user cannot
 * see (the device checks only what it holds). The server writes one per pair found; office staff
 * dismiss it once they have looked. It names the other household but shows none of its data.
 */
export const duplicateFlag = defineEntity({
  name: 'duplicateFlags',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    householdId: f.ref('households'),
    nik: f.text(16, 16),
    otherHouseholdId: f.id(),
    otherRegionName: f.text(120),
    status: f.oneOf(duplicateFlagStatuses),
    resolvedBy: f.text(64).nullable(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['office_staff', 'admin'],
});
