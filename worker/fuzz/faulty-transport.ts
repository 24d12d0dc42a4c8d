import type { PushRequest } from '../../schema';
import { SyncError } from '../sync-status';
import type { Transport } from '../transport';
import type { PushLedger } from './push-ledger';
import type { Random } from './random';

export const faultKinds = [
  /** The request is never sent: no network. */
  'offline',
  /** The push reaches the server and commits, but the answer is lost (a server killed before replying). */
  'replyLost',
  /** The same push is delivered twice, at the same time. */
  'duplicate',
  /** A copy of an earlier push of this device is delivered again, out of order; its answer goes nowhere. */
  'staleReplay',
  /** A pull page is served, then the connection drops before the device gets it. */
  'pullCut',
  /** A region snapshot is served, then lost; or a bootstrap answer breaks off after a few batches (S25). */
  'snapshotCut',
  /**
   * The server restarts while this request is in flight. In one Node process a handler runs in one
   * turn once its body is in, so the restart lands before or after it, never inside it; a kill
   * inside a transaction would be rolled back by SQLite, which is the `offline` case.
   */
  'restartMidRequest',
] as const;
export type FaultKind = (typeof faultKinds)[number];
export type FaultRates = Record<FaultKind, number>;

export const noFaults: FaultRates = Object.fromEntries(faultKinds.map((k) => [k, 0])) as FaultRates;

export interface FaultContext {
  random: Random;
  ledger: PushLedger;
  /** The rates in force now: the final syncs turn them all off. */
  rates(): FaultRates;
  /** False while the device is out of coverage: every request fails before it is sent. */
  online(): boolean;
  restartServer(): void;
  injected: Record<FaultKind | 'deviceOffline', number>;
  /** Lines about every request of this device, to narrow a failing seed down. */
  trace?: (line: string) => void;
}

const short = (id: string) => id.slice(-6);
const describePush = (request: PushRequest) => request.mutations.map((m) => `${m.seq}:${short(m.id)}`).join(' ');

const lost = (what: string) => new SyncError('offline', `fuzz: ${what}`);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many earlier pushes each device keeps for stale replays. */
const keptPushes = 8;

/**
 * Wraps a device's transport with seeded faults. Everything it does is decided by `random` at the
 * moment of the call, so a seed replays the same faults; only a restart in flight depends on
 * timing (which of the old or new server takes the request), and both outcomes are legal.
 */
export function faultyTransport(inner: Transport, ctx: FaultContext): Transport {
  const earlier: PushRequest[] = [];

  function roll(kind: FaultKind): boolean {
    if (!ctx.random.chance(ctx.rates()[kind])) return false;
    ctx.injected[kind]++;
    return true;
  }

  function beforeSending() {
    if (!ctx.online()) {
      ctx.injected.deviceOffline++;
      throw lost('device offline');
    }
    if (roll('offline')) {
      ctx.trace?.('offline: request not sent');
      throw lost('offline');
    }
  }

  /** Runs a request, restarting the server a few event-loop turns after it was sent, if chosen. */
  async function inFlight<T>(send: () => Promise<T>): Promise<T> {
    if (!roll('restartMidRequest')) return send();
    const turns = ctx.random.int(0, 6);
    const pending = send();
    pending.catch(() => undefined);
    for (let i = 0; i < turns; i++) await turn();
    ctx.restartServer();
    return pending;
  }

  async function pushAndNote(token: string, request: PushRequest, delivered: boolean, what = 'push') {
    ctx.ledger.noteSent(request);
    try {
      const response = await inner.push(token, request);
      ctx.ledger.noteAnswer(request, response, delivered);
      ctx.trace?.(`${what} [${describePush(request)}] -> ${response.results.map((r) => `${r.seq}:${r.status === 'applied' ? `applied@${r.appliedSeq}` : r.reason.code}`).join(' ')}${delivered ? '' : ' (answer lost)'}`);
      return response;
    } catch (error) {
      ctx.trace?.(`${what} [${describePush(request)}] -> ${error instanceof SyncError ? `${error.status ?? error.kind} ${error.code ?? error.message} ${JSON.stringify(error.details ?? {})}` : String(error)}`);
      throw error;
    }
  }

  return {
    async push(token, request) {
      beforeSending();
      if (earlier.length > 0 && roll('staleReplay')) {
        const stale = ctx.random.pick(earlier);
        // Nobody waits for this answer; a refusal (409) is a fine outcome too.
        await pushAndNote(token, stale, false, 'stale replay').catch(() => undefined);
      }
      const copy = structuredClone(request);
      earlier.push(copy);
      if (earlier.length > keptPushes) earlier.splice(ctx.random.int(0, earlier.length - 1), 1);

      const replyLost = roll('replyLost');
      if (roll('duplicate')) {
        const [first, second] = await Promise.allSettled([
          inFlight(() => pushAndNote(token, request, !replyLost)),
          pushAndNote(token, structuredClone(request), !replyLost, 'duplicate'),
        ]);
        if (replyLost) throw lost('reply lost');
        if (first.status === 'fulfilled') return first.value;
        if (second.status === 'fulfilled') return second.value;
        throw first.reason;
      }
      const response = await inFlight(() => pushAndNote(token, request, !replyLost));
      if (replyLost) throw lost('reply lost');
      return response;
    },

    async pull(token, cursor, limit) {
      beforeSending();
      const page = await inFlight(() => inner.pull(token, cursor, limit));
      if (roll('pullCut')) throw lost('pull cut');
      return page;
    },

    async snapshot(token, regionId) {
      beforeSending();
      const snapshot = await inFlight(() => inner.snapshot(token, regionId));
      if (roll('snapshotCut')) throw lost('snapshot cut');
      return snapshot;
    },

    ...(inner.bootstrap
      ? {
          async bootstrap(token: string) {
            beforeSending();
            const snapshot = await inFlight(() => inner.bootstrap!(token));
            if (!roll('snapshotCut')) return snapshot;
            // Decided now, like every fault: how many batches arrive before the connection drops.
            const delivered = ctx.random.int(0, 3);
            ctx.trace?.(`bootstrap cut after ${delivered} batches`);
            async function* cut() {
              let count = 0;
              for await (const batch of snapshot.batches) {
                if (count++ >= delivered) break;
                yield batch;
              }
              throw lost('bootstrap cut');
            }
            return { ...snapshot, batches: cut() };
          },
        }
      : {}),

    async uploadAttachment(token, sha256, blob, mimeType) {
      beforeSending();
      return inFlight(() => inner.uploadAttachment(token, sha256, blob, mimeType));
    },
  };
}
