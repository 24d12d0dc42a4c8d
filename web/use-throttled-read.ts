import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A read over whole tables, kept current like useLiveQuery but re-run at most every few times its
 * own duration. While a region downloads, the sync engine commits a page every fraction of a
 * second (here or, through Dexie's BroadcastChannel, in the service worker); re-reading and
 * sorting thousands of units after each one would take the CPU and the database from the
 * download itself. Reads stay at most about a fifth of the time, and one read always follows
 * the last write, so the result ends current.
 */
export function useThrottledRead<T>(read: () => Promise<T>, db: Dexie, tables: readonly string[], deps: readonly unknown[]): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    setResult(undefined);
    let stopped = false;
    let running = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let earliestNext = 0;
    const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);

    async function run() {
      timer = undefined;
      running = true;
      dirty = false;
      const started = performance.now();
      try {
        const value = await read();
        if (!stopped) setResult({ value });
      } catch (error) {
        console.error('A read failed', error);
      }
      const took = performance.now() - started;
      earliestNext = performance.now() + Math.max(100, 4 * took);
      running = false;
      if (dirty) schedule();
    }
    function schedule() {
      if (stopped) return;
      dirty = true;
      if (running || timer) return;
      timer = setTimeout(run, Math.max(0, earliestNext - performance.now()));
    }
    const onMutated = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((key) => prefixes.some((prefix) => key.startsWith(prefix)))) schedule();
    };
    Dexie.on('storagemutated', onMutated);
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
    // The caller names what the read depends on, as with useEffect.
  }, deps);
  return result?.value;
}
