import { deviceHealthResponseSchema, SCHEMA_VERSION, type DeviceHealth } from '../../../schema';
import type { ParseAnswer } from '../../server-copy/server-copy';

/** Where the last answer of GET /api/office/devices is kept on the device (meta store). */
export const devicesCopyKey = 'office:devices';
export const devicesPath = '/api/office/devices';

export const parseDevices: ParseAnswer<DeviceHealth[]> = (body) => {
  const parsed = deviceHealthResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.devices : null;
};

/** A device that has not synced for longer than this needs someone to ask why. */
export const staleAfterMs = 3 * 24 * 3600 * 1000;

/** Never synced, or its last round is more than three days old. */
export function isStale(device: DeviceHealth, now: Date): boolean {
  const last = device.lastSyncAt ?? null;
  if (last === null) return true;
  const time = new Date(last).getTime();
  return Number.isNaN(time) || now.getTime() - time > staleAfterMs;
}

/** It runs an app whose schema is older than this one's: it should update (S19 upgrades its writes meanwhile). */
export function hasOlderSchema(device: DeviceHealth, appSchemaVersion = SCHEMA_VERSION): boolean {
  return device.schemaVersion !== null && device.schemaVersion < appSchemaVersion;
}

export interface DeviceRow {
  device: DeviceHealth;
  stale: boolean;
  olderSchema: boolean;
  /** Shown first: stale, on an old schema, or holding refused changes. */
  needsAttention: boolean;
}

/** The devices in the order the office reads them: those needing attention first, longest silent first. */
export function deviceRows(devices: readonly DeviceHealth[], now: Date, appSchemaVersion = SCHEMA_VERSION): DeviceRow[] {
  const lastSync = (d: DeviceHealth) => (d.lastSyncAt ? new Date(d.lastSyncAt).getTime() || 0 : 0);
  return devices
    .map((device) => {
      const stale = isStale(device, now);
      const olderSchema = hasOlderSchema(device, appSchemaVersion);
      return { device, stale, olderSchema, needsAttention: stale || olderSchema || device.rejectedCount > 0 };
    })
    .sort(
      (a, b) =>
        Number(b.needsAttention) - Number(a.needsAttention) ||
        lastSync(a.device) - lastSync(b.device) ||
        a.device.displayName.localeCompare(b.device.displayName) ||
        a.device.deviceId.localeCompare(b.device.deviceId),
    );
}
