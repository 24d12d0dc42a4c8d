import type { ComponentChildren } from 'preact';

/**
 * The application form's fields: a real label, and beside the field whatever concerns it (the
 * problem, the office's comment, a warning, a hint), each joined to it by aria-describedby so a
 * screen reader reads them with the field. The problem comes first: it is what to act on.
 */
export interface FieldNotes {
  /** Words of the field's problem, if it has one. */
  problem?: string | undefined;
  /** The office's comment on this field (a returned application), already in a sentence. */
  comment?: string | undefined;
  /** A warning that does not stop the officer (a NIK that disagrees with the birth date). */
  warning?: string | undefined;
  hint?: string | undefined;
}

export function describedBy(id: string, notes: FieldNotes, ...more: (string | undefined)[]): string | undefined {
  const ids = [
    notes.problem ? `${id}-problem` : '',
    notes.comment ? `${id}-comment` : '',
    notes.warning ? `${id}-warning` : '',
    notes.hint ? `${id}-hint` : '',
    ...more,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Notes({ id, notes }: { id: string; notes: FieldNotes }) {
  return (
    <>
      {notes.hint && (
        <p id={`${id}-hint`} class="field__hint">
          {notes.hint}
        </p>
      )}
      {notes.problem && (
        <p id={`${id}-problem`} class="field__problem">
          {notes.problem}
        </p>
      )}
      {notes.warning && (
        <p id={`${id}-warning`} class="field__warning">
          {notes.warning}
        </p>
      )}
      {notes.comment && (
        <p id={`${id}-comment`} class="office-comment">
          {notes.comment}
        </p>
      )}
    </>
  );
}

interface TextFieldProps extends FieldNotes {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'date' | 'tel';
  inputMode?: 'text' | 'numeric' | 'tel';
  autoComplete?: string;
  maxLength?: number;
  min?: string;
  max?: string;
  multiline?: boolean;
  required?: boolean;
}

export function TextField({ id, label, value, onInput, type = 'text', inputMode, autoComplete, maxLength, min, max, multiline, required, ...notes }: TextFieldProps) {
  const shared = {
    id,
    value,
    'aria-invalid': Boolean(notes.problem),
    'aria-describedby': describedBy(id, notes),
    required,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...shared} rows={4} maxLength={maxLength} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...shared}
          // Preact types each input type apart; these three take the same attributes here.
          type={type as 'text'}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          maxLength={maxLength}
          min={min}
          max={max}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      <Notes id={id} notes={notes} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldNotes {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  choices: readonly Choice[];
  /** The blank first option ("Pilih…"); left out when every choice is a real answer. */
  placeholder?: string;
  disabled?: boolean;
}

export function SelectField({ id, label, value, onChange, choices, placeholder, disabled, ...notes }: SelectFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={Boolean(notes.problem)}
        aria-describedby={describedBy(id, notes)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Notes id={id} notes={notes} />
    </div>
  );
}

interface RadioGroupProps extends FieldNotes {
  /** The first radio's id (focus goes there on a problem); the others add their value. */
  id: string;
  legend: string;
  name: string;
  value: string;
  onChange(value: string): void;
  choices: readonly Choice[];
}

/** A question with a few answers: a fieldset whose legend is the question. */
export function RadioGroup({ id, legend, name, value, onChange, choices, ...notes }: RadioGroupProps) {
  const described = describedBy(id, notes);
  return (
    <fieldset class="field radio-group" aria-invalid={Boolean(notes.problem)}>
      <legend>{legend}</legend>
      <div class="radio-group__choices">
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <label key={choice.value} class="radio-group__choice" for={choiceId}>
              <input
                type="radio"
                id={choiceId}
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={described}
              />
              <span>{choice.label}</span>
            </label>
          );
        })}
      </div>
      <Notes id={id} notes={notes} />
    </fieldset>
  );
}

/** A group of fields under a legend (a member, an income), with the office's comment on the whole. */
export function FieldGroup({ legend, id, comment, problem, children, class: className }: { legend: ComponentChildren; id: string; comment?: string | undefined; problem?: string | undefined; children: ComponentChildren; class?: string }) {
  return (
    <fieldset id={id} class={`field-group ${className ?? ''}`} aria-describedby={describedBy(id, { comment, problem })}>
      <legend>{legend}</legend>
      <Notes id={id} notes={{ comment, problem }} />
      {children}
    </fieldset>
  );
}
