import type { DeviceReportRequest, SessionUser } from '../../schema';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';

/**
 * Stores what a device reports of itself after a sync round (S26). A device id already known as
 * another user's is refused: a report must not move someone else's device into one's own list.
 */
export async function saveDeviceReport(storage: Storage, user: SessionUser, report: DeviceReportRequest, now = new Date()): Promise<void> {
  await storage.transaction(async (tx) => {
    const device = await tx.device(report.deviceId);
    if (device && device.userId !== user.id) throw new HttpError(403, 'device_of_other_user', 'This device id belongs to another user');
    await tx.saveDeviceReport({
      id: report.deviceId,
      userId: user.id,
      appVersion: report.appVersion,
      schemaVersion: report.schemaVersion,
      protocolVersion: report.protocolVersion,
      pendingCount: report.pendingCount,
      pendingUploads: report.pendingUploads,
      lastSyncAt: report.lastSyncAt,
      reportedAt: now.toISOString(),
    });
  });
}
