import type { LocalDb } from '../../worker';

export interface DraftSaver<V> {
  /** Saves these values after a pause in typing; a newer call replaces an older one. */
  schedule(values: V): void;
  /** Saves what is scheduled now (the page is being hidden: the phone may kill it). */
  flush(): Promise<void>;
  /** Forgets anything scheduled, deletes the draft, and saves nothing more (the form was saved). */
  discard(): Promise<void>;
}

/**
 * Keeps a form's values in `formDrafts` as the person types, for any kind of form. Writes go one
 * after another, so a slow write can never land after the delete that follows a save and bring
 * the draft back.
 */
export function createFormDraftSaver<V>(db: LocalDb, draft: { id: string; kind: string; userId: string }, delayMs: number): DraftSaver<V> {
  let pending: V | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  function enqueue(step: () => Promise<unknown>): Promise<void> {
    chain = chain.then(step).then(
      () => undefined,
      // A failed write (storage full) must not stop the next one; the form itself is still open.
      (error: unknown) => console.error(`A ${draft.kind} draft could not be saved`, error),
    );
    return chain;
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const values = pending;
    pending = null;
    if (values === null || closed) return chain;
    return enqueue(() => db.formDrafts.put({ id: draft.id, kind: draft.kind, userId: draft.userId, values, updatedAt: new Date().toISOString() }));
  }

  return {
    schedule(values) {
      if (closed) return;
      pending = values;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    discard() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      closed = true;
      return enqueue(() => db.formDrafts.delete(draft.id));
    },
  };
}
