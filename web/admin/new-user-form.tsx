import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminUser } from '../../schema';
import { FormAlert, RegionPicker, RoleSelect, TextField, type AdminWords } from './admin-fields';
import { checkNewUser, parseUser, usersPath, type NewUserValues, type UserField } from './admin-users';
import type { RegionChoice } from '../queries/region-tree';
import { useAdminAction } from './use-admin-action';

const empty: NewUserValues = { username: '', displayName: '', role: '', regionIds: [], password: '' };
const fieldOrder: UserField[] = ['username', 'displayName', 'role', 'regionIds', 'password'];

/** Creates a user: username, name, role, regions and a first password, checked here and by the server. */
export function NewUserForm({ choices, words, onCreated, onCancel }: { choices: RegionChoice[]; words: AdminWords; onCreated(user: AdminUser): void; onCancel(): void }) {
  const { m } = words;
  const [values, setValues] = useState<NewUserValues>(empty);
  const action = useAdminAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof NewUserValues>(key: K, value: NewUserValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const problems = action.problems?.fields ?? {};

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = checkNewUser(values);
    if (Object.keys(found).length > 0) {
      action.setProblems({ fields: found, form: null });
      focusFirst(found);
      return;
    }
    const created = await action.run({
      method: 'POST',
      path: usersPath,
      body: { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      parse: parseUser,
    });
    if (created) onCreated(created);
  }

  function focusFirst(fields: Partial<Record<UserField, unknown>>) {
    const first = fieldOrder.find((f) => fields[f]);
    if (first === 'regionIds') document.querySelector<HTMLInputElement>('#new-user-regions input')?.focus();
    else if (first) document.getElementById(`new-user-${first}`)?.focus();
  }

  return (
    <section class="admin-panel" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading" ref={heading} tabIndex={-1}>
        {m('newTitle')}
      </h2>
      <form class="form" onSubmit={submit} noValidate>
        <TextField id="new-user-username" label={m('field.username')} hint={m('field.usernameHint')} value={values.username} onInput={(v) => set('username', v)} problem={problems.username} verbatim words={words} />
        <TextField id="new-user-displayName" label={m('field.displayName')} value={values.displayName} onInput={(v) => set('displayName', v)} problem={problems.displayName} words={words} />
        <RoleSelect id="new-user-role" value={values.role} onChange={(role) => set('role', role)} problem={problems.role} words={words} />
        <RegionPicker id="new-user-regions" choices={choices} value={values.regionIds} onChange={(ids) => set('regionIds', ids)} problem={problems.regionIds} words={words} />
        <TextField
          id="new-user-password"
          type="password"
          autocomplete="new-password"
          label={m('field.password')}
          hint={m('field.passwordHint')}
          value={values.password}
          onInput={(v) => set('password', v)}
          problem={problems.password}
          words={words}
        />
        <FormAlert problems={action.problems} words={words} />
        <div class="form__actions">
          <button type="submit" class="button" disabled={action.busy} aria-busy={action.busy}>
            {action.busy ? m('working') : m('create')}
          </button>
          <button type="button" class="button button--quiet" onClick={onCancel}>
            {m('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
