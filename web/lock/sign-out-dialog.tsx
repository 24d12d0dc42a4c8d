import './lock.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { signOutAndWipe, unsentWork } from '../../worker';
import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { paths } from '../router/routes';
import { forgetActivity } from './idle-lock';
import { lockMessages } from './messages';

/**
 * Sign-out asks first, and says what would be lost: changes and files the server does not have
 * yet, with a way to export them. Confirmed, it wipes the user's data from the device and opens
 * the sign-in screen.
 */
export function SignOutDialog({ onClose }: { onClose(): void }) {
  const { m } = useFeatureMessages(lockMessages);
  const { db, baseUrl } = useAppServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const [unsent, setUnsent] = useState<{ changes: number; uploads: number; drafts: number } | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void unsentWork(db).then(setUnsent);
  }, [db]);

  async function confirm() {
    setWorking(true);
    try {
      await signOutAndWipe(db, baseUrl);
      forgetActivity();
      // A fresh page: the old one's database connection is closed for good.
      location.replace(paths.signIn());
    } catch (error) {
      setWorking(false);
      setFailure(m('signOutFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  const hasUnsent = unsent !== null && unsent.changes + unsent.uploads + unsent.drafts > 0;
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="sign-out-title" onClose={onClose}>
      <h2 id="sign-out-title">{m('signOutTitle')}</h2>
      {unsent === null ? (
        <p>{m('signOutCounting')}</p>
      ) : hasUnsent ? (
        <>
          <p class="form__alert" role="alert">
            {m('signOutUnsent', { changes: unsent.changes, uploads: unsent.uploads, drafts: unsent.drafts })}
          </p>
          <p>
            <a href={paths.storage()} onClick={() => dialog.current?.close()}>
              {m('signOutExportFirst')}
            </a>
          </p>
        </>
      ) : (
        <p>{m('signOutAllSynced')}</p>
      )}
      {failure && (
        <p class="field__problem" role="alert">
          {failure}
        </p>
      )}
      <div class="dialog__actions">
        <button class="button button--quiet" type="button" onClick={() => dialog.current?.close()} disabled={working}>
          {m('cancel')}
        </button>
        <button class="button button--danger" type="button" onClick={confirm} disabled={working || unsent === null}>
          {working ? m('signingOut') : hasUnsent ? m('signOutConfirmUnsent') : m('signOutConfirm')}
        </button>
      </div>
    </dialog>
  );
}
