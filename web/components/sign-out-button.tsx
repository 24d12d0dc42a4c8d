import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context';

type Dialog = ComponentType<{ onClose(): void }>;

/** "Keluar": opens the sign-out dialog, whose code loads only when asked for. */
export function SignOutButton() {
  const { t } = useI18n();
  const [Dialog, setDialog] = useState<Dialog | null>(null);
  async function open() {
    const { SignOutDialog } = await import('../lock/sign-out-dialog');
    setDialog(() => SignOutDialog);
  }
  return (
    <>
      <button class="button button--quiet" type="button" onClick={open}>
        {t('app.signOut')}
      </button>
      {Dialog && <Dialog onClose={() => setDialog(null)} />}
    </>
  );
}
