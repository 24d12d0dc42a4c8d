import { incomePeriods } from '../../schema';
import { FieldGroup, SelectField, TextField } from './form-controls';
import type { IncomeValues } from './form-values';
import type { StepProps } from './step-props';

interface IncomeFieldsProps {
  /** The form path of this income: "headIncome" or "members.2.income". */
  path: string;
  /** Element id prefix. */
  idBase: string;
  legend: string;
  value: IncomeValues;
  onChange(value: IncomeValues, changedPath: string): void;
  notes: StepProps['notes'];
  words: StepProps['words'];
}

/** One person's income: none, or formal/informal with an amount per day, week, month or year. */
export function IncomeFields({ path, idBase, legend, value, onChange, notes, words }: IncomeFieldsProps) {
  const { m } = words;
  const set = (part: keyof IncomeValues) => (text: string) => onChange({ ...value, [part]: text }, `${path}.${part}`);
  const whole = notes(path);
  return (
    <FieldGroup id={`${idBase}-group`} legend={legend} comment={whole.comment} class="income">
      <SelectField
        id={`${idBase}-kind`}
        label={m('field.incomeKind')}
        value={value.kind}
        onChange={set('kind')}
        choices={[
          { value: '', label: m('income.none') },
          { value: 'formal', label: m('income.formal') },
          { value: 'informal', label: m('income.informal') },
        ]}
        {...notes(`${path}.kind`)}
      />
      {value.kind !== '' && (
        <div class="income__amount">
          <TextField
            id={`${idBase}-amount`}
            label={m('field.incomeAmount')}
            value={value.amount}
            onInput={set('amount')}
            inputMode="numeric"
            maxLength={20}
            hint={m('hint.amount')}
            {...notes(`${path}.amount`)}
          />
          <SelectField
            id={`${idBase}-period`}
            label={m('field.incomePeriod')}
            value={value.period}
            onChange={set('period')}
            placeholder={m('form.choose')}
            choices={incomePeriods.map((p) => ({ value: p, label: m(`period.${p}`) }))}
            {...notes(`${path}.period`)}
          />
        </div>
      )}
    </FieldGroup>
  );
}
