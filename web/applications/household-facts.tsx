import type { ComponentChildren } from 'preact';
import type { Income } from '../../schema';
import { monthlyIncomeOf, type HouseholdView } from './household-view';

export type { HouseholdView };
import type { ApplicationMessageKey } from './application-messages';
import type { StepProps } from './step-props';

type Words = StepProps['words'];

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function incomeWords(income: Partial<Income> | null | undefined, words: Words): string {
  if (!income) return words.m('income.none');
  if (income.amount === undefined || income.period === undefined) return words.m('review.none');
  return `${words.m(`income.${income.kind ?? 'informal'}`)}: ${words.m('income.amountPer', { amount: words.formatRupiah(income.amount), period: words.m(`period.${income.period}`) })}`;
}

const choiceWords = (prefix: 'sex' | 'marital' | 'housing' | 'relationship', value: string | undefined, words: Words) =>
  value ? words.m(`${prefix}.${value}` as ApplicationMessageKey) : words.m('review.none');

const yesNo = (value: boolean | undefined, words: Words) => (value === undefined ? words.m('review.none') : words.m(value ? 'answer.yes' : 'answer.no'));

const orDash = (value: string | undefined | null, words: Words) => (value && value.trim() ? value : words.m('review.none'));

export function HeadFacts({ household, words }: { household: HouseholdView; words: Words }) {
  const { m, formatDate } = words;
  return (
    <dl class="facts">
      <Fact label={m('field.headName')}>{orDash(household.headName, words)}</Fact>
      <Fact label={m('field.headNik')}>{orDash(household.headNik, words)}</Fact>
      <Fact label={m('field.kkNumber')}>{orDash(household.kkNumber, words)}</Fact>
      <Fact label={m('field.birthDate')}>{household.birthDate ? formatDate(household.birthDate) : m('review.none')}</Fact>
      <Fact label={m('field.sex')}>{choiceWords('sex', household.sex, words)}</Fact>
      <Fact label={m('field.maritalStatus')}>{choiceWords('marital', household.maritalStatus, words)}</Fact>
      <Fact label={m('field.phone')}>{orDash(household.phone, words)}</Fact>
    </dl>
  );
}

export function IncomeFacts({ household, words }: { household: HouseholdView; words: Words }) {
  const { m, formatRupiah } = words;
  return (
    <>
      <dl class="facts">
        <Fact label={m('field.headOccupation')}>{orDash(household.headOccupation, words)}</Fact>
        <Fact label={m('field.headIncome')}>{incomeWords(household.headIncome, words)}</Fact>
        <Fact label={m('application.monthlyIncome')}>{formatRupiah(monthlyIncomeOf(household))}</Fact>
      </dl>
      <p>{m('members.count', { count: household.members.length })}</p>
      {household.members.length > 0 && (
        <ul class="member-list">
          {household.members.map((member) => (
            <li key={member.key}>
              <strong>{orDash(member.name, words)}</strong>
              {' · '}
              {choiceWords('relationship', member.relationship, words)}
              {member.age !== undefined && `, ${m('field.age')}: ${member.age}`}
              {member.nik && `, NIK ${member.nik}`}
              {member.occupation && `, ${member.occupation}`}
              <br />
              <span class="member-list__income">{incomeWords(member.income, words)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function HousingFacts({ household, words, siteName }: { household: HouseholdView; words: Words; siteName?: string | undefined }) {
  const { m } = words;
  return (
    <dl class="facts">
      <Fact label={m('field.currentHousing')}>{choiceWords('housing', household.currentHousing, words)}</Fact>
      <Fact label={m('field.currentAddress')}>{orDash(household.currentAddress, words)}</Fact>
      <Fact label={m('field.hasLocalIdCard')}>{yesNo(household.hasLocalIdCard, words)}</Fact>
      <Fact label={m('field.ownsHouse')}>{yesNo(household.ownsHouse, words)}</Fact>
      {siteName !== undefined && <Fact label={m('field.siteId')}>{siteName}</Fact>}
    </dl>
  );
}
