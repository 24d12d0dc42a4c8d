import { lazyScreen } from '../lazy-screen';
import { useSession } from '../queries/use-session';
import { isOfficeRole } from '../router/route-access';

// Loaded only when an office user opens a record: an officer's phone never fetches it.
const RecordHistory = lazyScreen(() => import('./record-history').then((m) => m.RecordHistory));

/** A record's history on the screens both officers and the office use: shown to the office only. */
export function OfficeRecordHistory({ entity, recordId, headingLevel }: { entity: string; recordId: string; headingLevel?: 2 | 3 }) {
  const session = useSession();
  if (!session || !isOfficeRole(session.user.role)) return null;
  return <RecordHistory entity={entity} recordId={recordId} headingLevel={headingLevel} />;
}
