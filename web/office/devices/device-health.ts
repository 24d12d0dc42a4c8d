import { deviceHealthResponseSchema, SCHEMA_VERSION, type DeviceHealth } from '../../../schema';
import { id, type MessageKey } from '../../i18n/id';
import { problemMessageKey } from '../../i18n/problem-message';
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

const validTime = (value: string | null | undefined): value is string => Boolean(value) && !Number.isNaN(new Date(value!).getTime());

/**
 * When the device last synced, as far as the server can tell. Its own report of its last full round
 * (`lastSyncAt`) when it sends one; else the server's own time of its last push or report
 * (`lastSeenAt`, the later of the two: a report also sets it). An app older than the device report
 * never sends `lastSyncAt`, yet its pushes reach the server: without this fallback it would read
 * "never synced" and stale though it pushed today. Null only when neither time is known.
 */
export function lastContact(device: Pick<DeviceHealth, 'lastSyncAt' | 'lastSeenAt' | 'reportedAt'>): { at: string; by: 'device' | 'server' } | null {
  if (validTime(device.lastSyncAt)) return { at: device.lastSyncAt, by: 'device' };
  const seen = [device.lastSeenAt, device.reportedAt].filter(validTime).sort((a, b) => new Date(b).getTime() - new Date(a).getTime())[0];
  return seen ? { at: seen, by: 'server' } : null;
}

/** Never in touch, or its last contact (see lastContact) is more than three days old. */
export function isStale(device: DeviceHealth, now: Date): boolean {
  const last = lastContact(device);
  return last === null || now.getTime() - new Date(last.at).getTime() > staleAfterMs;
}

/**
 * A refusal's words in the user's language, by its code: the sync's own rejection words
 * (`rejection.<code>`, as the officer's screens say them), else the validation problem words. The
 * server's message is English and meant for developers; the screen keeps it only as a detail.
 */
export function rejectionMessageKey(code: string): MessageKey {
  const key = `rejection.${code}`;
  return key in id ? (key as MessageKey) : problemMessageKey(code);
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
  const lastSync = (d: DeviceHealth) => {
    const last = lastContact(d);
    return last ? new Date(last.at).getTime() : 0;
  };
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
