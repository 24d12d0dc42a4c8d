import './lock.css';
import { useRef, useState } from 'preact/hooks';
import { checkUnlockPassword } from '../../worker';
import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { lockMessages } from './messages';
import { SignOutDialog } from './sign-out-dialog';

/** After this many wrong passwords, each further try waits, longer each time. */
const freeAttempts = 5;

/** Asks for the password, checked on the device against the verifier kept at sign-in. */
export function LockScreen({ displayName, onUnlocked }: { displayName: string; onUnlocked(): void }) {
  const { m } = useFeatureMessages(lockMessages);
  const { db } = useAppServices();
  const [password, setPassword] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const failures = useRef(0);
  const waitUntil = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (checking) return;
    const wait = Math.ceil((waitUntil.current - Date.now()) / 1000);
    if (wait > 0) return setProblem(m('waitBeforeRetry', { seconds: wait }));
    setChecking(true);
    const verifier = await db.getMeta('unlock');
    const ok = verifier !== undefined && (await checkUnlockPassword(verifier, password));
    setChecking(false);
    if (ok) return onUnlocked();
    failures.current += 1;
    if (failures.current >= freeAttempts) waitUntil.current = Date.now() + 30_000 * 2 ** (failures.current - freeAttempts);
    setPassword('');
    setProblem(m('wrongPassword'));
    input.current?.focus();
  }

  return (
    <section class="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">{m('lockedTitle')}</h1>
      <p>{m('lockedIntro', { name: displayName })}</p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="unlock-password">{m('password')}</label>
          <input
            ref={input}
            id="unlock-password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'unlock-problem' : undefined}
            autoFocus
          />
          {problem && (
            <p id="unlock-problem" class="field__problem" role="alert">
              {problem}
            </p>
          )}
        </div>
        <button class="button" type="submit" disabled={checking}>
          {checking ? m('checking') : m('unlock')}
        </button>
      </form>
      <p>
        <button class="button button--quiet" type="button" onClick={() => setSigningOut(true)}>
          {m('otherUser', { name: displayName })}
        </button>
      </p>
      {signingOut && <SignOutDialog onClose={() => setSigningOut(false)} />}
    </section>
  );
}
