import { useEffect, useState } from 'preact/hooks';
import { storageState, type StorageState } from './storage-level';

/** Asks the browser how much space the app uses and may use; null when it cannot say. */
export async function estimateStorage(): Promise<StorageState | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    return storageState(await navigator.storage.estimate());
  } catch {
    return null;
  }
}

/**
 * The device's storage, estimated when the screen opens, every `refreshMs` and when the app comes
 * back to the foreground (photos taken meanwhile). `undefined` until the first answer.
 */
export function useStorageEstimate(refreshMs = 60_000): [StorageState | null | undefined, () => void] {
  const [state, setState] = useState<StorageState | null | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stopped = false;
    const refresh = () => void estimateStorage().then((next) => !stopped && setState(next));
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    refresh();
    const timer = setInterval(refresh, refreshMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refreshMs, round]);
  return [state, () => setRound((n) => n + 1)];
}

/** The storage state when space is running out (level low or critical), else null: for banners. */
export function useStorageWarning(): StorageState | null {
  const [state] = useStorageEstimate(5 * 60_000);
  return state && state.level !== 'ok' ? state : null;
}
