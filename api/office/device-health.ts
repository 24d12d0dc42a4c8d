import type { DeviceHealth, SessionUser } from '../../schema';
import type { Storage } from '../storage/storage';
import { allowedRegionIds } from '../sync/region-access';

/** How many of a device's rejections are listed; the rest are counted. */
export const recentRejectionCount = 5;

/**
 * The devices the office sees (S26): an administrator every device; office staff the devices of
 * users assigned to a region the caller may write (their own and those below; not a province above them). Newest seen first.
 */
export async function deviceHealth(storage: Storage, caller: SessionUser): Promise<DeviceHealth[]> {
  return storage.read(async (reader) => {
    const readable = caller.role === 'admin' ? null : await allowedRegionIds(reader, caller);
    const users = new Map((await reader.listUsers()).map((u) => [u.id, u]));
    const answer: DeviceHealth[] = [];
    for (const device of await reader.listDevices()) {
      const owner = users.get(device.userId);
      if (!owner) continue;
      if (readable && !owner.regionIds.some((id) => readable.has(id))) continue;
      const rejections = await reader.deviceRejections(device.id, recentRejectionCount);
      answer.push({
        deviceId: device.id,
        userId: owner.id,
        username: owner.username,
        displayName: owner.displayName,
        role: owner.role,
        active: owner.active,
        appVersion: device.appVersion,
        schemaVersion: device.schemaVersion,
        protocolVersion: device.protocolVersion ?? null,
        firstSeenAt: device.firstSeenAt,
        lastSeenAt: device.lastSeenAt,
        lastSyncAt: device.lastSyncAt ?? null,
        reportedAt: device.reportedAt ?? null,
        pendingCount: device.pendingCount ?? null,
        pendingUploads: device.pendingUploads ?? null,
        rejectedCount: rejections.count,
        recentRejections: rejections.recent.map(({ mutationId, entity, recordId, code, message }) => ({ mutationId, entity, recordId, code, message })),
      });
    }
    return answer;
  });
}
