import { readApplicationDrafts } from '../applications/form-draft';
import { useAppServices } from '../app-services';
import { paths } from '../router/routes';
import { useLiveQuery } from '../use-live-query';
import { useSession } from './use-session';

/** An application form in progress on this device, as a list (the home screen) shows it. */
export interface ApplicationDraftSummary {
  id: string;
  /** As typed so far; '' when the officer has not reached the name yet. */
  headName: string;
  updatedAt: string;
  /** The draft continues a stored application (a saved draft, or a correction). */
  editing: boolean;
  applicationId: string;
  /** Where the draft opens: the new-application form, or the stored application's form. */
  href: string;
}

/** The signed-in user's application drafts, most recently changed first; `undefined` while read. */
export function useApplicationDrafts(): ApplicationDraftSummary[] | undefined {
  const { db } = useAppServices();
  const session = useSession();
  const userId = session?.user.id;
  return useLiveQuery(async () => {
    if (!userId) return [];
    const drafts = await readApplicationDrafts(db, userId);
    return drafts.map(({ id, draft, updatedAt }) => ({
      id,
      headName: draft.values.headName.trim(),
      updatedAt,
      editing: draft.editing,
      applicationId: draft.applicationId,
      href: draft.editing ? paths.editApplication(draft.applicationId) : paths.newApplication(id),
    }));
  }, [db, userId]);
}
