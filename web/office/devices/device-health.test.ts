import { describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../../../schema';
import { id } from '../../i18n/id';
import { deviceRows, hasOlderSchema, isStale, lastContact, parseDevices, rejectionMessageKey } from './device-health';

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
    expect(isStale(device({ lastSyncAt: null, lastSeenAt: hoursAgo(200), reportedAt: null }), now)).toBe(true);
  });

  it('a device on an app too old to report its rounds is judged by the server’s time of its last push', () => {
    const older = device({ lastSyncAt: null, reportedAt: null, appVersion: null, schemaVersion: null, lastSeenAt: hoursAgo(2) });
    expect(isStale(older, now)).toBe(false);
    expect(lastContact(older)).toEqual({ at: hoursAgo(2), by: 'server' });
    // Its own report of a round wins when it sends one (it knows when the round finished).
    expect(lastContact(device({ lastSyncAt: hoursAgo(5), lastSeenAt: hoursAgo(1) }))).toEqual({ at: hoursAgo(5), by: 'device' });
    // Never synced only when no time at all is known.
    expect(lastContact(device({ lastSyncAt: null, lastSeenAt: '', reportedAt: null }))).toBeNull();
    expect(isStale(device({ lastSyncAt: null, lastSeenAt: '', reportedAt: null }), now)).toBe(true);
  });

  it('orders a device without its own report by the server’s time, not as never synced', () => {
    const pushedToday = device({ deviceId: 'a', displayName: 'Pushed today', lastSyncAt: null, reportedAt: null, lastSeenAt: hoursAgo(3) });
    const silent = device({ deviceId: 'b', displayName: 'Silent', lastSyncAt: hoursAgo(100) });
    const rows = deviceRows([pushedToday, silent], now, 3);
    expect(rows.map((r) => [r.device.displayName, r.stale, r.needsAttention])).toEqual([
      ['Silent', true, true],
      ['Pushed today', false, false],
    ]);
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

  it('words a refusal by its code in the user’s language, never the server’s English message', () => {
    expect(id[rejectionMessageKey('region_forbidden')]).toBe('wilayah ini bukan wilayah tugas Anda');
    expect(rejectionMessageKey('too_big')).toBe('problem.tooLong');
    expect(rejectionMessageKey('some_new_code')).toBe('problem.invalid');
  });

  it('parses the answer of GET /api/office/devices, and nothing else', () => {
    expect(parseDevices({ devices: [device({})] })).toEqual([device({})]);
    expect(parseDevices({ devices: [{ deviceId: 'x' }] })).toBeNull();
    expect(parseDevices(null)).toBeNull();
  });
});
