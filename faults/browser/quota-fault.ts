/**
 * Storage running out, at the IndexedDB API of the page: once armed with a budget of bytes,
 * every write that would go past it fails the way a full disk fails in Chromium, with a
 * QuotaExceededError, and its whole transaction is undone. Installed with addInitScript before
 * the app's code runs (quotaFaultScript in page-hooks-bundle.ts).
 *
 * Why not the real thing: CDP `Storage.overrideQuotaForOrigin` is accepted by this Chromium (156)
 * but changes neither `navigator.storage.estimate()` nor what IndexedDB accepts, and a Playwright
 * context's own quota is a fixed 10 GiB. A small disk (tmpfs) would be real, but needs root to
 * mount. Faults here are injected where the app meets the browser: the app sees exactly the
 * error a full device gives it.
 */

export interface QuotaFault {
  /** Bytes the page may still write; Infinity when not armed. */
  budget: number;
  used: number;
  /** The stores whose writes were refused, in order. */
  refused: string[];
}

declare global {
  interface Window {
    hunianQuota?: QuotaFault;
  }
}

/** Runs in the page, first of all scripts (quota-fault-entry.ts, bundled). */
export function installQuotaFault(): void {
  const state: QuotaFault = { budget: Infinity, used: 0, refused: [] };
  window.hunianQuota = state;

  /** Roughly what a value costs on disk: the bytes of its blobs plus its structure as JSON. */
  function sizeOf(value: unknown): number {
    let blobs = 0;
    const json = JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Blob) {
        blobs += v.size;
        return null;
      }
      return v;
    });
    return blobs + (json?.length ?? 0);
  }

  function charge(storeName: string, value: unknown) {
    if (!Number.isFinite(state.budget)) return;
    const size = sizeOf(value);
    if (state.used + size > state.budget) {
      state.refused.push(storeName);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    state.used += size;
  }

  const put = IDBObjectStore.prototype.put;
  const add = IDBObjectStore.prototype.add;
  const update = IDBCursor.prototype.update;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    charge(this.name, value);
    return put.call(this, value, key);
  };
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    charge(this.name, value);
    return add.call(this, value, key);
  };
  IDBCursor.prototype.update = function (this: IDBCursor, value: unknown) {
    charge(String((this.source as IDBObjectStore).name), value);
    return update.call(this, value);
  };
}
