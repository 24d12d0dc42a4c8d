/** What the sync bar shows. Kept in the meta store, so every context sees the same. */
export interface SyncStatus {
  syncing: boolean;
  /** Device time of the last sync that completed (push and pull). */
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** The last failure, or null after a success. */
  lastError: { kind: SyncErrorKind; message: string; code?: string } | null;
  /**
   * Server clock minus device clock, measured at the last pull (S20). Shown when large; never used
   * to order anything or to refuse a sync.
   */
  clockSkewMs?: number;
}

/**
 * - offline: the request could not be made; retry when the network is back.
 * - unauthorized: sign in again; the outbox waits.
 * - outdated: this app is too old (or too new) for the server; update it; the outbox waits.
 * - rejected: the server refused the request as a whole (4xx).
 * - server: a fault on the server side (5xx); retry with backoff.
 */
export type SyncErrorKind = 'offline' | 'unauthorized' | 'outdated' | 'rejected' | 'server';

export const initialSyncStatus: SyncStatus = { syncing: false, lastSyncedAt: null, lastAttemptAt: null, lastError: null };

/** Clock differences above this are worth telling the user about. */
export const largeClockSkewMs = 5 * 60_000;

/** A failed request, classified by what the engine should do next. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly details?: unknown,
    /** From a Retry-After header. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
