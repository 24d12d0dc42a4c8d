import { describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../../../schema';
import { deviceRows, hasOlderSchema, isStale, parseDevices } from './device-health';

const now = new Date('2026-11-26T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();

function device(overrides: Partial<DeviceHealth>): DeviceHealth {
  return {
    deviceId: '019a0000-0000-7000-8000-000000000001',
    userId: 'u1',
    username: 'petugas',
    displayName: 'Siti Rahma',
    role: 'field_officer',
    active: true,
    appVersion: '1.4.0',
    schemaVersion: 3,
    protocolVersion: 3,
    firstSeenAt: hoursAgo(500),
    lastSeenAt: hoursAgo(1),
    lastSyncAt: hoursAgo(1),
    reportedAt: hoursAgo(1),
    pendingCount: 0,
    pendingUploads: 0,
    rejectedCount: 0,
    recentRejections: [],
    ...overrides,
  };
}

describe('device health', () => {
  it('a device silent for more than three days, or never synced, is stale', () => {
    expect(isStale(device({ lastSyncAt: hoursAgo(71) }), now)).toBe(false);
    expect(isStale(device({ lastSyncAt: hoursAgo(72) }), now)).toBe(false);
    expect(isStale(device({ lastSyncAt: hoursAgo(73) }), now)).toBe(true);
    expect(isStale(device({ lastSyncAt: null }), now)).toBe(true);
  });

  it('a schema older than the app is marked; an unreported one is not', () => {
    expect(hasOlderSchema(device({ schemaVersion: 2 }), 3)).toBe(true);
    expect(hasOlderSchema(device({ schemaVersion: 3 }), 3)).toBe(false);
    expect(hasOlderSchema(device({ schemaVersion: null }), 3)).toBe(false);
  });

  it('lists the devices needing attention first, the longest silent first', () => {
    const fine = device({ deviceId: 'a', displayName: 'Fine', lastSyncAt: hoursAgo(2) });
    const refused = device({ deviceId: 'b', displayName: 'Refused', lastSyncAt: hoursAgo(1), rejectedCount: 2 });
    const old = device({ deviceId: 'c', displayName: 'Old', lastSyncAt: hoursAgo(3), schemaVersion: 2 });
    const silent = device({ deviceId: 'd', displayName: 'Silent', lastSyncAt: hoursAgo(200) });
    const rows = deviceRows([fine, refused, old, silent], now, 3);
    expect(rows.map((r) => r.device.displayName)).toEqual(['Silent', 'Old', 'Refused', 'Fine']);
    expect(rows.map((r) => [r.stale, r.olderSchema, r.needsAttention])).toEqual([
      [true, false, true],
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
  });

  it('parses the answer of GET /api/office/devices, and nothing else', () => {
    expect(parseDevices({ devices: [device({})] })).toEqual([device({})]);
    expect(parseDevices({ devices: [{ deviceId: 'x' }] })).toBeNull();
    expect(parseDevices(null)).toBeNull();
  });
});
