import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';
import { readServerCopy, refreshServerCopy, type ApiFailure, type ParseAnswer, type ServerCopy } from './server-copy';

export interface ServerCopyState<T> {
  /** The last copy on the device: `undefined` while it is read, `null` when there is none. */
  copy: ServerCopy<T> | null | undefined;
  refreshing: boolean;
  /** Why the last refresh did not bring a new copy; null after one that did. */
  failure: ApiFailure | null;
  refresh(): Promise<void>;
}

/**
 * A server-only answer, as the device last had it, refreshed when the screen opens, when the
 * network comes back and on request. The screen renders the copy from the meta store, so it shows
 * the same offline as online, just older.
 */
export function useServerCopy<T>(key: string, path: string, parse: ParseAnswer<T>): ServerCopyState<T> {
  const { db, baseUrl } = useAppServices();
  const copy = useLiveQuery(() => readServerCopy(db, key, parse), [db, key]);
  // It starts refreshing as it opens (the effect below).
  const [refreshing, setRefreshing] = useState(true);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // Only the latest request speaks: an older one finishing late must not hide a newer answer.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    setRefreshing(true);
    const result = await refreshServerCopy(db, baseUrl, key, { path, parse });
    if (request !== latest.current) return;
    setRefreshing(false);
    setFailure(result.ok ? null : result.failure);
    // The parser is the caller's constant; the key and path name what is fetched.
  }, [db, baseUrl, key, path]);

  useEffect(() => {
    void refresh();
    const onOnline = () => void refresh();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      latest.current++;
    };
  }, [refresh]);

  return { copy, refreshing, failure, refresh };
}
