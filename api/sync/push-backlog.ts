import type { Storage } from '../storage/storage';

/**
 * Mutations of pushes that have been read and wait for the database or are being applied, more
 * than which a push is shed with 503 before its body is read (S15: the device retries later).
 * Counted in mutations, not pushes: a push holds from 1 to 500. 50,000 is about five seconds of
 * work at the burst rate measured here (bench/burst-sync.ts) and some 50 MB of parsed requests;
 * a burst of 1,000 devices with 20–50 mutations each stays under it.
 */
export const maxQueuedMutations = 50_000;

const backlog = new WeakMap<Storage, number>();

export function pushBacklog(storage: Storage): number {
  return backlog.get(storage) ?? 0;
}

/** Runs a push, counting its mutations in the backlog of its storage while it waits and runs. */
export async function inPushBacklog<T>(storage: Storage, mutations: number, push: () => Promise<T>): Promise<T> {
  backlog.set(storage, pushBacklog(storage) + mutations);
  try {
    return await push();
  } finally {
    backlog.set(storage, pushBacklog(storage) - mutations);
  }
}
