import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullResponse, type RegionDigest } from '../schema';
import { appVersion as packageVersion } from './app-version';
import { toMutation } from './outbox-entry';
import type { Session } from './session';
import type { SyncStore } from './sync-store';
import { SyncError, type SyncErrorKind } from './sync-status';
import type { Transport } from './transport';

export type SyncOutcome =
  | { ok: true; pushed: number; rejected: number; pulled: number; redownloaded: string[]; uploaded: number; uploadsRefused: number }
  | { ok: false; kind: SyncErrorKind | 'signed_out'; message: string; retryAfterMs?: number };

export interface SyncOptions {
  pushBatchSize?: number;
  pullPageSize?: number;
  /** How many attachments' bytes are read from the store at a time. */
  uploadBatchSize?: number;
  /** The app's version, sent with pushes and device reports; the package's by default. */
  appVersion?: string;
  /** How long a round waits for its device report (S26) before it ends without it. */
  reportWaitMs?: number;
  now?: () => Date;
}

/** How many times one round renumbers the outbox after a sequence error before giving up. */
const maxRenumbers = 3;

/** Where the outbox must start again after a 409 about its sequence (S4), if the answer says. */
function restartSeq(error: unknown): number | undefined {
  if (!(error instanceof SyncError) || error.status !== 409) return undefined;
  const details = (error.details ?? {}) as { expectedSeq?: unknown; lastMutationSeq?: unknown };
  if (error.code === 'mutation_gap' && typeof details.expectedSeq === 'number') return details.expectedSeq;
  if (error.code === 'mutation_mismatch' && typeof details.lastMutationSeq === 'number') return details.lastMutationSeq + 1;
  return undefined;
}

/**
 * Sends the bytes of every attachment whose record the server already has (S23), one at a time:
 * each is a few hundred KB over a slow connection. A refusal (4xx) is kept on the bytes, which
 * stay on the device; any other failure ends the round, and the next round sends what is left
 * (the bytes are named by their hash, so sending some again is harmless).
 */
async function uploadAttachments(store: SyncStore, transport: Transport, token: string, batchSize: number, now: () => Date) {
  let uploaded = 0;
  let refused = 0;
  for (;;) {
    const batch = await store.uploadableAttachments(batchSize);
    if (batch.length === 0) return { uploaded, refused };
    for (const upload of batch) {
      try {
        await transport.uploadAttachment(token, upload.sha256, upload.blob, upload.mimeType);
      } catch (error) {
        if (!(error instanceof SyncError) || error.kind !== 'rejected') throw error;
        await store.markUploadRefused(upload.sha256, { status: error.status ?? 400, code: error.code ?? null, message: error.message, at: now().toISOString() });
        refused++;
        continue;
      }
      await store.markUploaded(upload.sha256);
      uploaded++;
    }
  }
}

/**
 * Tells the server how this device is doing after a round (S26). Best effort: a failure is
 * ignored, and the round waits for it at most `waitMs` (the request may finish after).
 */
async function reportDevice(store: SyncStore, transport: Transport, session: Session, appVersion: string, waitMs: number): Promise<void> {
  if (!transport.deviceReport || !store.deviceState) return;
  const send = async () => {
    const state = await store.deviceState!();
    await transport.deviceReport!(session.token, {
      deviceId: session.deviceId,
      appVersion,
      schemaVersion: SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      ...state,
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([send().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/**
 * One sync round: push the outbox in order, pull every page after the cursor, check each
 * region's digest and re-download a region that does not match, then upload the bytes of
 * attachments whose records the server now has (S23). Pure: the store and the
 * transport are parameters, so the same code runs in the service worker, in a page and in Node
 * tests against the real API.
 */
export async function syncOnce(store: SyncStore, transport: Transport, options: SyncOptions = {}): Promise<SyncOutcome> {
  const { pushBatchSize = 100, pullPageSize = 1000, uploadBatchSize = 20, appVersion = packageVersion, reportWaitMs = 5000, now = () => new Date() } = options;
  const session = await store.session();
  if (!session) return { ok: false, kind: 'signed_out', message: 'Not signed in' };

  await store.updateStatus({ syncing: true, lastAttemptAt: now().toISOString() });
  let pushed = 0;
  let rejected = 0;
  let pulled = 0;
  try {
    // Push first, so that the pull brings back the server's view including our own writes.
    for (let renumbered = 0; ; ) {
      const batch = await store.pendingMutations(pushBatchSize);
      if (batch.length === 0) break;
      let response;
      try {
        response = await transport.push(session.token, {
          protocolVersion: PROTOCOL_VERSION,
          schemaVersion: SCHEMA_VERSION,
          deviceId: session.deviceId,
          appVersion,
          mutations: batch.map(toMutation),
        });
      } catch (error) {
        const firstSeq = restartSeq(error);
        if (firstSeq === undefined || renumbered++ >= maxRenumbers) throw error;
        await store.renumberPending(firstSeq);
        continue;
      }
      // Only now, with the server's answer in hand, does a mutation leave the pending state (S1).
      await store.recordResults(response.results);
      pushed += response.results.length;
      rejected += response.results.filter((r) => r.status === 'rejected').length;
    }

    let digests: readonly RegionDigest[] = [];
    let clockSkewMs: number | undefined;
    type FetchedPage = { page: PullResponse; sent: number; received: number };
    const fetchPage = async (cursor: number): Promise<FetchedPage> => {
      const sent = now().getTime();
      const page = await transport.pull(session.token, cursor, pullPageSize);
      return { page, sent, received: now().getTime() };
    };
    // A new device loads its regions from one snapshot, then pulls the log from the snapshot's cursor (S25).
    if (transport.bootstrap && (await store.cursor()) === 0) {
      pulled += await store.applyBootstrap(await transport.bootstrap(session.token));
    }
    let next: Promise<FetchedPage> | undefined = fetchPage(await store.cursor());
    while (next) {
      const fetched: FetchedPage = await next;
      const { page, sent, received } = fetched;
      // The server's clock against the middle of the round trip: shown, never used to order (S20).
      clockSkewMs = Date.parse(page.serverTime) - (sent + received) / 2;
      // The next page downloads while this one is written. Its cursor is the one this page
      // names, which is what the store holds once applyPulled commits; if the write fails, the
      // round ends and the prefetched page is dropped unread.
      next = page.hasMore ? fetchPage(page.cursor) : undefined;
      next?.catch(() => {});
      await store.applyPulled(page.changes, page.cursor);
      pulled += page.changes.length;
      if (!page.hasMore) digests = page.digests ?? [];
    }

    // The last page lists every region the user may see: data of any other region leaves the
    // device (a region taken away from an officer, S6). An answer without digests drops nothing.
    if (digests.length > 0) await store.dropOtherRegions(digests.map((d) => d.regionId));
    const redownloaded = await store.mismatchedRegions(digests);
    for (const regionId of redownloaded) await store.replaceRegion(await transport.snapshot(session.token, regionId));

    // Last: a large upload must not hold back the changes others made. The records went first.
    const uploads = await uploadAttachments(store, transport, session.token, uploadBatchSize, now);

    await store.updateStatus({ syncing: false, lastSyncedAt: now().toISOString(), lastError: null, ...(clockSkewMs === undefined ? {} : { clockSkewMs }) });
    await reportDevice(store, transport, session, appVersion, reportWaitMs);
    return { ok: true, pushed, rejected, pulled, redownloaded, uploaded: uploads.uploaded, uploadsRefused: uploads.refused };
  } catch (error) {
    const failure =
      error instanceof SyncError
        ? { kind: error.kind, message: error.message, ...(error.code ? { code: error.code } : {}) }
        : { kind: 'server' as const, message: error instanceof Error ? error.message : String(error) };
    await store.updateStatus({ syncing: false, lastError: failure });
    // A round that reached the server reports too: the office sees a device that keeps failing.
    if (failure.kind !== 'offline') await reportDevice(store, transport, session, appVersion, reportWaitMs);
    return {
      ok: false,
      kind: failure.kind,
      message: failure.message,
      ...(error instanceof SyncError && error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
}
