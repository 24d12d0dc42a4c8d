import { useEffect, useRef, useState } from 'preact/hooks';
import { relationships } from '../../schema';
import { FieldGroup, SelectField, TextField } from './form-controls';
import { householdFieldsFrom, withoutSpaces } from './form-records';
import { monthlyIncomeOf, type HouseholdView } from './household-view';
import { emptyMember, type MemberValues } from './form-values';
import { IncomeFields } from './income-fields';
import type { StepProps } from './step-props';

/** Step 2: the head's work and income, and every other member of the household with theirs. */
export function MembersStep({ values, update, notes, words, nikElsewhere }: StepProps & { nikElsewhere(nik: string): string | undefined }) {
  const { m, formatRupiah } = words;
  const [removed, setRemoved] = useState('');
  const focusAfter = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  // After the render that shows (or drops) the member: the keyboard goes where the work is.
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) document.getElementById(target)?.focus();
  });

  const setMember = (index: number, change: Partial<MemberValues>, part: string) =>
    update((v) => ({ ...v, members: v.members.map((member, i) => (i === index ? { ...member, ...change } : member)) }), `members.${index}.${part}`);

  function add() {
    const member = emptyMember();
    focusAfter.current = `app-member-${member.key}-name`;
    setRemoved('');
    update((v) => ({ ...v, members: [...v.members, member] }), 'members');
  }

  function remove(index: number) {
    focusAfter.current = 'add';
    setRemoved(m('members.removed', { n: index + 1 }));
    update((v) => ({ ...v, members: v.members.filter((_, i) => i !== index) }), 'members');
  }

  const membersNotes = notes('members');
  return (
    <>
      <TextField
        id="app-headOccupation"
        label={m('field.headOccupation')}
        value={values.headOccupation}
        onInput={(text) => update((v) => ({ ...v, headOccupation: text }), 'headOccupation')}
        maxLength={120}
        {...notes('headOccupation')}
      />
      <IncomeFields
        path="headIncome"
        idBase="app-headIncome"
        legend={m('field.headIncome')}
        value={values.headIncome}
        onChange={(income, path) => update((v) => ({ ...v, headIncome: income }), path)}
        notes={notes}
        words={words}
      />
      <FieldGroup id="app-members" legend={m('field.members')} comment={membersNotes.comment} problem={membersNotes.problem} class="members">
        {values.members.length === 0 && <p class="empty">{m('members.none')}</p>}
        {values.members.map((member, index) => {
          const id = (part: string) => `app-member-${member.key}-${part}`;
          const nik = withoutSpaces(member.nik);
          const elsewhere = nik ? nikElsewhere(nik) : undefined;
          return (
            <FieldGroup key={member.key} id={id('group')} legend={m('members.legend', { n: index + 1 })} class="member">
              <TextField id={id('name')} label={m('field.memberName')} value={member.name} onInput={(name) => setMember(index, { name }, 'name')} maxLength={120} required {...notes(`members.${index}.name`)} />
              <SelectField
                id={id('relationship')}
                label={m('field.relationship')}
                value={member.relationship}
                onChange={(relationship) => setMember(index, { relationship }, 'relationship')}
                placeholder={m('form.choose')}
                choices={relationships.map((r) => ({ value: r, label: m(`relationship.${r}`) }))}
                {...notes(`members.${index}.relationship`)}
              />
              <TextField id={id('age')} label={m('field.age')} value={member.age} onInput={(age) => setMember(index, { age }, 'age')} inputMode="numeric" maxLength={3} required {...notes(`members.${index}.age`)} />
              <TextField
                id={id('nik')}
                label={m('field.memberNik')}
                value={member.nik}
                onInput={(text) => setMember(index, { nik: text }, 'nik')}
                inputMode="numeric"
                maxLength={24}
                warning={elsewhere ? m('warning.nikElsewhere', { name: elsewhere }) : undefined}
                {...notes(`members.${index}.nik`)}
              />
              <TextField id={id('occupation')} label={m('field.occupation')} value={member.occupation} onInput={(occupation) => setMember(index, { occupation }, 'occupation')} maxLength={120} {...notes(`members.${index}.occupation`)} />
              <IncomeFields
                path={`members.${index}.income`}
                idBase={id('income')}
                legend={m('field.memberIncome')}
                value={member.income}
                onChange={(income, path) => update((v) => ({ ...v, members: v.members.map((x, i) => (i === index ? { ...x, income } : x)) }), path)}
                notes={notes}
                words={words}
              />
              <button type="button" class="button button--quiet button--small" onClick={() => remove(index)} aria-label={m('members.removeLabel', { n: index + 1, name: member.name.trim() })}>
                {m('members.remove')}
              </button>
            </FieldGroup>
          );
        })}
        <button ref={addButton} id="app-members-add" type="button" class="button button--quiet" onClick={add}>
          {m('members.add')}
        </button>
        <p class="visually-hidden" role="status">
          {removed}
        </p>
      </FieldGroup>
      <p class="household-income">
        {m('members.totalIncome', { amount: formatRupiah(monthlyIncomeOf(householdFieldsFrom(values) as HouseholdView)) })}
      </p>
    </>
  );
}
