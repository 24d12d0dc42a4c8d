import { syncedEntities, type SessionUser, type SnapshotResponse } from '../../schema';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';
import { readableRegionIds } from './region-access';

/** Every live record of one region, as of one seq: what a device re-downloads on a digest mismatch (S17). */
export async function regionSnapshot(storage: Storage, user: SessionUser, regionId: string): Promise<SnapshotResponse> {
  return storage.read(async (reader) => {
    if (!(await readableRegionIds(reader, user)).has(regionId)) {
      throw new HttpError(403, 'region_forbidden', 'You may not see this region');
    }
    const records: SnapshotResponse['records'] = [];
    for (const entity of syncedEntities) {
      for (const record of await reader.liveRecords(entity.name, regionId)) records.push({ entity: entity.name, record });
    }
    return { regionId, records, cursor: await reader.newestSeq() };
  });
}
