import { maritalStatuses, nikMatchesPerson, nikProblem, sexes } from '../../schema';
import { todayLocalDate } from '../local-date';
import { RadioGroup, SelectField, TextField } from './form-controls';
import { withoutSpaces } from './form-records';
import type { StepProps } from './step-props';

/** Step 1: who heads the household, as the KTP and the family card (KK) say. */
export function HeadStep({ values, update, notes, words, nikElsewhere }: StepProps & { nikElsewhere(nik: string): string | undefined }) {
  const { m } = words;
  const set = (field: 'headName' | 'headNik' | 'kkNumber' | 'birthDate' | 'sex' | 'maritalStatus' | 'phone') => (value: string) =>
    update((v) => ({ ...v, [field]: value }), field);
  const nik = withoutSpaces(values.headNik);
  // A mismatch is a warning only: NIKs issued with a wrong date stay in use.
  const mismatch =
    nikProblem(nik) === null && values.birthDate !== '' && (values.sex === 'female' || values.sex === 'male') && !nikMatchesPerson(nik, values.birthDate, values.sex);
  const elsewhere = nikElsewhere(nik);
  const nikWarning = [mismatch ? m('warning.nikMismatch') : '', elsewhere ? m('warning.nikElsewhere', { name: elsewhere }) : ''].filter(Boolean).join(' ');

  return (
    <>
      <TextField id="app-headName" label={m('field.headName')} value={values.headName} onInput={set('headName')} autoComplete="off" maxLength={120} required {...notes('headName')} />
      <TextField
        id="app-headNik"
        label={m('field.headNik')}
        value={values.headNik}
        onInput={set('headNik')}
        inputMode="numeric"
        maxLength={24}
        required
        hint={m('hint.nik')}
        warning={nikWarning || undefined}
        {...notes('headNik')}
      />
      <TextField id="app-kkNumber" label={m('field.kkNumber')} value={values.kkNumber} onInput={set('kkNumber')} inputMode="numeric" maxLength={24} required hint={m('hint.kk')} {...notes('kkNumber')} />
      <TextField id="app-birthDate" label={m('field.birthDate')} type="date" value={values.birthDate} onInput={set('birthDate')} max={todayLocalDate()} required {...notes('birthDate')} />
      <RadioGroup
        id="app-sex"
        name="sex"
        legend={m('field.sex')}
        value={values.sex}
        onChange={set('sex')}
        choices={sexes.map((s) => ({ value: s, label: m(`sex.${s}`) }))}
        {...notes('sex')}
      />
      <SelectField
        id="app-maritalStatus"
        label={m('field.maritalStatus')}
        value={values.maritalStatus}
        onChange={set('maritalStatus')}
        placeholder={m('form.choose')}
        choices={maritalStatuses.map((s) => ({ value: s, label: m(`marital.${s}`) }))}
        {...notes('maritalStatus')}
      />
      <TextField id="app-phone" label={m('field.phone')} type="tel" inputMode="tel" autoComplete="off" value={values.phone} onInput={set('phone')} maxLength={20} hint={m('hint.phone')} {...notes('phone')} />
    </>
  );
}
