import type { ComponentChildren } from 'preact';
import { roles, type Role } from '../../schema';
import { useFeatureMessages, type FeatureI18n } from '../i18n/feature-messages';
import { useFailureWords } from '../server-copy/server-copy-status';
import { adminMessages } from './admin-messages';
import type { RegionChoice } from '../queries/region-tree';
import type { FieldProblem, Problems } from './admin-users';
import { roleKey, roleMessages } from './role-messages';

export type AdminWords = FeatureI18n<keyof typeof adminMessages.id>;

export function useAdminWords(): AdminWords {
  return useFeatureMessages(adminMessages);
}

const problemKey = (problem: FieldProblem) => `problem.${problem}` as const;

/** A field's problem under it, named by the control's aria-describedby. */
function FieldProblemText({ id, problem, words }: { id: string; problem: FieldProblem | undefined; words: AdminWords }) {
  return problem ? (
    <p id={id} class="field__problem">
      {words.m(problemKey(problem))}
    </p>
  ) : null;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  problem?: FieldProblem;
  hint?: string;
  type?: 'text' | 'password';
  autocomplete?: 'off' | 'new-password';
  /** A username or password: the phone's keyboard must not capitalise it. */
  verbatim?: boolean;
  words: AdminWords;
}) {
  const { id, problem, hint } = props;
  const control = {
    id,
    value: props.value,
    autocomplete: props.autocomplete ?? 'off',
    autocapitalize: props.verbatim || props.type === 'password' ? 'none' : 'sentences',
    spellcheck: !(props.verbatim || props.type === 'password'),
    onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
    'aria-invalid': Boolean(problem),
    'aria-describedby': describedBy(hint && `${id}-hint`, problem && `${id}-problem`),
  } as const;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.type === 'password' ? <input type="password" {...control} /> : <input type="text" {...control} />}
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      <FieldProblemText id={`${id}-problem`} problem={problem} words={props.words} />
    </div>
  );
}

export function RoleSelect({ id, value, onChange, problem, words }: { id: string; value: Role | ''; onChange(role: Role): void; problem?: FieldProblem; words: AdminWords }) {
  const roleWords = useFeatureMessages(roleMessages);
  return (
    <div class="field">
      <label for={id}>{words.m('field.role')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as Role)}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-problem` : undefined}
      >
        {value === '' && <option value="">{words.m('field.rolePlaceholder')}</option>}
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleWords.m(roleKey(role))}
          </option>
        ))}
      </select>
      <FieldProblemText id={`${id}-problem`} problem={problem} words={words} />
    </div>
  );
}

/** The regions as a list of checkboxes, indented by level, in a fieldset named by its legend. */
export function RegionPicker(props: { id: string; choices: RegionChoice[]; value: readonly string[]; onChange(ids: string[]): void; problem?: FieldProblem; words: AdminWords }) {
  const { id, choices, value, problem, words } = props;
  const chosen = new Set(value);
  const toggle = (regionId: string, on: boolean) => props.onChange(on ? [...value, regionId] : value.filter((v) => v !== regionId));
  return (
    <fieldset class="field region-picker" aria-describedby={describedBy(`${id}-hint`, problem && `${id}-problem`)} aria-invalid={Boolean(problem)}>
      <legend>{words.m('field.regions')}</legend>
      <p id={`${id}-hint`} class="field__hint">
        {words.m('field.regionsHint')} {words.m('regionNote')}
      </p>
      <ul>
        {choices.map((choice) => (
          <li key={choice.id} style={{ paddingLeft: `${choice.depth * 1.25}rem` }}>
            <label>
              <input type="checkbox" checked={chosen.has(choice.id)} onChange={(e) => toggle(choice.id, e.currentTarget.checked)} />
              {choice.name}
            </label>
          </li>
        ))}
      </ul>
      <FieldProblemText id={`${id}-problem`} problem={problem} words={words} />
    </fieldset>
  );
}

/** The problem of a whole form (not one field), read out as it appears. */
export function FormAlert({ problems, words }: { problems: Problems | null; words: AdminWords }) {
  const failureWords = useFailureWords();
  if (!problems) return null;
  let text: string;
  if (problems.form === null) text = words.m('form.fixFields');
  else if (problems.form === 'other' && problems.failure) text = failureWords(problems.failure, true);
  else if (problems.form === 'other') text = words.m('problem.invalid');
  else text = words.m(`form.${problems.form}`);
  return (
    <p class="form__alert" role="alert">
      {text}
    </p>
  );
}

/** What an action achieved, announced politely. */
export function Done({ children }: { children: ComponentChildren }) {
  return (
    <p class="status-message" role="status">
      {children}
    </p>
  );
}
