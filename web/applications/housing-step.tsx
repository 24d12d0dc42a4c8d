import { application as applicationEntity, housingSituations, type Site } from '../../schema';
import { RadioGroup, SelectField, TextField } from './form-controls';
import type { StepProps } from './step-props';

const statementMax = applicationEntity.fields.statement.zod.maxLength ?? 2000;

/** Step 3: where the household lives now, what it declares, and the site it applies to. */
export function HousingStep({ values, update, notes, words, sites, sameRegionOnly }: StepProps & { sites: readonly Site[] | undefined; sameRegionOnly: boolean }) {
  const { m } = words;
  const set = (field: 'currentHousing' | 'currentAddress' | 'hasLocalIdCard' | 'ownsHouse' | 'siteId' | 'statement') => (value: string) =>
    update((v) => ({ ...v, [field]: value }), field);
  const yesNo = [
    { value: 'yes', label: m('answer.yes') },
    { value: 'no', label: m('answer.no') },
  ];
  const siteNotes = notes('siteId');
  return (
    <>
      <SelectField
        id="app-currentHousing"
        label={m('field.currentHousing')}
        value={values.currentHousing}
        onChange={set('currentHousing')}
        placeholder={m('form.choose')}
        choices={housingSituations.map((h) => ({ value: h, label: m(`housing.${h}`) }))}
        {...notes('currentHousing')}
      />
      <TextField id="app-currentAddress" label={m('field.currentAddress')} value={values.currentAddress} onInput={set('currentAddress')} multiline maxLength={300} required {...notes('currentAddress')} />
      <RadioGroup id="app-hasLocalIdCard" name="hasLocalIdCard" legend={m('field.hasLocalIdCard')} value={values.hasLocalIdCard} onChange={set('hasLocalIdCard')} choices={yesNo} {...notes('hasLocalIdCard')} />
      <RadioGroup id="app-ownsHouse" name="ownsHouse" legend={m('field.ownsHouse')} value={values.ownsHouse} onChange={set('ownsHouse')} choices={yesNo} {...notes('ownsHouse')} />
      <SelectField
        id="app-siteId"
        label={m('field.siteId')}
        value={values.siteId}
        onChange={set('siteId')}
        placeholder={m('form.choose')}
        choices={(sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
        hint={sites && sites.length === 0 ? m('sites.none') : sameRegionOnly ? m('hint.siteSameRegion') : undefined}
        {...siteNotes}
      />
      <TextField
        id="app-statement"
        label={m('field.statement')}
        value={values.statement}
        onInput={set('statement')}
        multiline
        maxLength={statementMax}
        hint={`${m('hint.statement')} ${m('form.lengthHint', { count: values.statement.length, max: statementMax })}`}
        {...notes('statement')}
      />
    </>
  );
}
