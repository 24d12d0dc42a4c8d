import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminUser, Role } from '../../schema';
import { Done, FormAlert, RegionPicker, RoleSelect, TextField, type AdminWords } from './admin-fields';
import { checkPassword, parseRevoked, parseUser, userPath } from './admin-users';
import type { RegionChoice } from '../queries/region-tree';
import { useAdminAction } from './use-admin-action';

interface Props {
  user: AdminUser;
  choices: RegionChoice[];
  words: AdminWords;
  /** A write went through (with the user as the server now has it): the list is fetched again. */
  onChanged(user?: AdminUser): void;
  onClose(): void;
}

/** Name, role and regions of one user, saved together. */
function AccessForm({ user, choices, words, onChanged }: Props) {
  const { m } = words;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [regionIds, setRegionIds] = useState<string[]>(user.regionIds);
  const [done, setDone] = useState('');
  const action = useAdminAction();
  const problems = action.problems?.fields ?? {};

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setDone('');
    if (displayName.trim() === '') {
      action.setProblems({ fields: { displayName: 'required' }, form: null });
      document.getElementById('edit-user-displayName')?.focus();
      return;
    }
    const saved = await action.run({ method: 'PATCH', path: userPath(user.id), body: { displayName: displayName.trim(), role, regionIds }, parse: parseUser });
    if (saved) {
      setDone(m('saved', { name: saved.displayName }));
      onChanged(saved);
    }
  }

  return (
    <section aria-labelledby="edit-access-heading">
      <h3 id="edit-access-heading">{m('section.access')}</h3>
      <form class="form" onSubmit={submit} noValidate>
        <TextField id="edit-user-displayName" label={m('field.displayName')} value={displayName} onInput={setDisplayName} problem={problems.displayName} words={words} />
        <RoleSelect id="edit-user-role" value={role} onChange={setRole} problem={problems.role} words={words} />
        <RegionPicker id="edit-user-regions" choices={choices} value={regionIds} onChange={setRegionIds} problem={problems.regionIds} words={words} />
        <FormAlert problems={action.problems} words={words} />
        <div class="form__actions">
          <button type="submit" class="button" disabled={action.busy} aria-busy={action.busy}>
            {action.busy ? m('working') : m('save')}
          </button>
        </div>
        <Done>{done}</Done>
      </form>
    </section>
  );
}

/** Deactivate (after asking again) or reactivate. */
function StatusSection({ user, words, onChanged }: Props) {
  const { m } = words;
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const action = useAdminAction();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function setActive(active: boolean) {
    setDone('');
    const saved = await action.run({ method: 'PATCH', path: userPath(user.id), body: { active }, parse: parseUser });
    setConfirming(false);
    if (saved) {
      setDone(m(active ? 'reactivated' : 'deactivated', { name: saved.displayName }));
      onChanged(saved);
    }
  }

  return (
    <section aria-labelledby="edit-status-heading">
      <h3 id="edit-status-heading">{m('section.status')}</h3>
      <p>{user.active ? m('statusActive') : m('statusInactive')}</p>
      {user.active ? (
        <>
          <p class="field__hint">{m('deactivateHint')}</p>
          {confirming ? (
            <div class="admin-confirm">
              <p ref={question} tabIndex={-1}>
                {m('deactivateConfirm', { name: user.displayName })}
              </p>
              <div class="form__actions">
                <button type="button" class="button button--danger" onClick={() => void setActive(false)} disabled={action.busy} aria-busy={action.busy}>
                  {m('deactivateYes')}
                </button>
                <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>
                  {m('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="button button--quiet" onClick={() => setConfirming(true)}>
              {m('deactivate')}
            </button>
          )}
        </>
      ) : (
        <button type="button" class="button" onClick={() => void setActive(true)} disabled={action.busy} aria-busy={action.busy}>
          {m('reactivate')}
        </button>
      )}
      <FormAlert problems={action.problems} words={words} />
      <Done>{done}</Done>
    </section>
  );
}

function PasswordSection({ user, words }: Props) {
  const { m } = words;
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const action = useAdminAction();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setDone('');
    const problem = checkPassword(password);
    if (problem) {
      action.setProblems({ fields: { password: problem }, form: null });
      document.getElementById('reset-password')?.focus();
      return;
    }
    const revoked = await action.run({ method: 'POST', path: `${userPath(user.id)}/password`, body: { password }, parse: parseRevoked });
    if (revoked !== null) {
      setPassword('');
      setDone(m('resetDone', { name: user.displayName, count: revoked }));
    }
  }

  return (
    <section aria-labelledby="edit-password-heading">
      <h3 id="edit-password-heading">{m('section.password')}</h3>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          id="reset-password"
          type="password"
          autocomplete="new-password"
          label={m('field.newPassword')}
          hint={m('resetHint')}
          value={password}
          onInput={setPassword}
          problem={action.problems?.fields.password}
          words={words}
        />
        <FormAlert problems={action.problems} words={words} />
        <div class="form__actions">
          <button type="submit" class="button button--quiet" disabled={action.busy} aria-busy={action.busy}>
            {m('reset')}
          </button>
        </div>
        <Done>{done}</Done>
      </form>
    </section>
  );
}

function SessionsSection({ user, words }: Props) {
  const { m } = words;
  const [done, setDone] = useState('');
  const action = useAdminAction();
  async function revoke() {
    setDone('');
    const revoked = await action.run({ method: 'POST', path: `${userPath(user.id)}/revoke-sessions`, body: {}, parse: parseRevoked });
    if (revoked !== null) setDone(m('revoked', { name: user.displayName, count: revoked }));
  }
  return (
    <section aria-labelledby="edit-sessions-heading">
      <h3 id="edit-sessions-heading">{m('section.sessions')}</h3>
      <p class="field__hint">{m('sessionsHint')}</p>
      <button type="button" class="button button--quiet" onClick={() => void revoke()} disabled={action.busy} aria-busy={action.busy}>
        {m('revoke')}
      </button>
      <FormAlert problems={action.problems} words={words} />
      <Done>{done}</Done>
    </section>
  );
}

/** Everything an administrator changes about one user; each part saves on its own. */
export function UserEditor(props: Props) {
  const { m } = props.words;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.user.id]);
  return (
    <section class="admin-panel" aria-labelledby="edit-user-heading">
      <div class="admin-panel__head">
        <h2 id="edit-user-heading" ref={heading} tabIndex={-1}>
          {m('editTitle', { name: props.user.displayName })}
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={props.onClose}>
          {m('close')}
        </button>
      </div>
      <p class="note">
        {props.user.username}
      </p>
      <AccessForm {...props} />
      <StatusSection {...props} />
      <PasswordSection {...props} />
      <SessionsSection {...props} />
    </section>
  );
}
