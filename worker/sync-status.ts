/** What the sync bar shows. Kept in the meta store, so every context sees the same. */
export interface SyncStatus {
  syncing: boolean;
  /** Device time of the last sync that completed (push and pull). */
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** The last failure, or null after a success. */
  lastError: { kind: SyncErrorKind; message: string; code?: string } | null;
}

export type SyncErrorKind = 'offline' | 'unauthorized' | 'rejected' | 'server';

export const initialSyncStatus: SyncStatus = { syncing: false, lastSyncedAt: null, lastAttemptAt: null, lastError: null };

/** A failed request, classified by what the engine should do next. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}
