import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';
import { countOpenConflicts } from './open-conflicts';

/** How many conflicts wait for office staff; kept current as they arrive and are resolved. */
export function useOpenConflictCount(): number | undefined {
  const { db } = useAppServices();
  return useLiveQuery(() => countOpenConflicts(db), [db]);
}
