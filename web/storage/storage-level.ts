/** How close the device is to running out of the space the browser gives this app. */
export type StorageLevel = 'ok' | 'low' | 'critical';

export interface StorageState {
  usage: number;
  quota: number;
  free: number;
  level: StorageLevel;
}

const MB = 1024 * 1024;

/**
 * Low below 15% or 200 MB free (a day of inspection photos at about 300 KB each is a few hundred
 * of them); critical below 5% or 50 MB, where the next photos may fail to save.
 */
export function storageLevel(usage: number, quota: number): StorageLevel {
  const free = Math.max(0, quota - usage);
  if (free < 0.05 * quota || free < 50 * MB) return 'critical';
  if (free < 0.15 * quota || free < 200 * MB) return 'low';
  return 'ok';
}

/** `null` when the browser cannot say (no StorageManager, or a quota of 0). */
export function storageState(estimate: StorageEstimate | undefined): StorageState | null {
  const usage = estimate?.usage ?? 0;
  const quota = estimate?.quota ?? 0;
  if (!quota) return null;
  return { usage, quota, free: Math.max(0, quota - usage), level: storageLevel(usage, quota) };
}

/** Bytes as MB (one decimal), or GB from 1,024 MB on: "12,3 MB", "1,2 GB". */
export function formatBytes(bytes: number, formatNumber: (value: number) => string): string {
  const mb = bytes / MB;
  if (mb >= 1024) return `${formatNumber(Math.round((mb / 1024) * 10) / 10)} GB`;
  return `${formatNumber(Math.round(mb * 10) / 10)} MB`;
}
