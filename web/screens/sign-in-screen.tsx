import { useRef, useState } from 'preact/hooks';
import { signIn, SyncError } from '../../worker';
import { useAppServices } from '../app-services';
import type { MessageKey } from '../i18n/id';
import { useI18n } from '../i18n/i18n-context';
import { navigate } from '../router/history-router';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';

type Failure = { key: MessageKey; message?: string };

function failureOf(error: unknown): Failure {
  if (error instanceof SyncError && error.kind === 'unauthorized') return { key: 'signIn.wrongCredentials' };
  if (error instanceof SyncError && error.kind === 'offline') return { key: 'signIn.offline' };
  if (error instanceof SyncError && error.code === 'other_user_pending') return { key: 'signIn.otherUserPending' };
  return { key: 'signIn.failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Shown for every address while nobody is signed in (the address is kept, so a deep link opens
 * once signed in), and at /login when the server has ended the session (`renewing`).
 */
export function SignInScreen({ renewing = false, knownUsername = '' }: { renewing?: boolean; knownUsername?: string }) {
  const { t } = useI18n();
  const { db, baseUrl, requestSync } = useAppServices();
  const [username, setUsername] = useState(knownUsername);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('signIn.title'));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) {
      (nowMissing.username ? usernameInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await signIn(db, baseUrl, username.trim(), password);
    } catch (error) {
      setFailure(failureOf(error));
      setBusy(false);
      return;
    }
    void requestSync();
    // From /login go home; from a deep link stay, the screen it names replaces this one.
    if (location.pathname === paths.signIn()) navigate(paths.home(), { replace: true });
  }

  return (
    <div class="narrow">
      <h1>{t('signIn.title')}</h1>
      {renewing && <p>{t('signIn.renewIntro')}</p>}
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="sign-in-username">{t('signIn.username')}</label>
          <input
            ref={usernameInput}
            id="sign-in-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            aria-invalid={missing.username}
            aria-describedby={missing.username ? 'sign-in-username-problem' : undefined}
          />
          {missing.username && (
            <p id="sign-in-username-problem" class="field__problem">
              {t('problem.required')}
            </p>
          )}
        </div>
        <div class="field">
          <label for="sign-in-password">{t('signIn.password')}</label>
          <input
            ref={passwordInput}
            id="sign-in-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={missing.password}
            aria-describedby={missing.password ? 'sign-in-password-problem' : undefined}
          />
          {missing.password && (
            <p id="sign-in-password-problem" class="field__problem">
              {t('problem.required')}
            </p>
          )}
        </div>
        {failure && (
          <p class="form__alert" role="alert">
            {t(failure.key, { message: failure.message ?? '' })}
          </p>
        )}
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
