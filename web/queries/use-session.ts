import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';

/** The signed-in session: `null` when nobody is signed in, `undefined` while it is being read. */
export function useSession(): Session | null | undefined {
  const { db } = useAppServices();
  return useLiveQuery(async () => (await db.getMeta('session')) ?? null, [db]);
}
