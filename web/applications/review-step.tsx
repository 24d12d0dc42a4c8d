import type { ComponentChildren } from 'preact';
import type { DuplicateFlag, EligibilityResult, ProgramRule } from '../../schema';
import type { NikDuplicate } from '../queries/household-duplicates';
import { DuplicateWarnings } from './duplicate-warnings';
import { EligibilityResultView } from './eligibility-result';
import { householdFieldsFrom } from './form-records';
import type { FormStep } from './form-steps';
import { documentKinds } from './form-values';
import { HeadFacts, HousingFacts, IncomeFacts, type HouseholdView } from './household-facts';
import type { FormValues, StepProps } from './step-props';

interface ReviewStepProps {
  values: FormValues;
  words: StepProps['words'];
  goTo(step: FormStep): void;
  siteName: string | undefined;
  eligibility: EligibilityResult | null | undefined;
  rule: ProgramRule | null;
  duplicates: readonly NikDuplicate[];
  flags: readonly DuplicateFlag[];
}

function Section({ step, words, goTo, children }: { step: FormStep; words: StepProps['words']; goTo(step: FormStep): void; children: ComponentChildren }) {
  const { m } = words;
  return (
    <section class="review__section" aria-labelledby={`review-${step}`}>
      <div class="review__head">
        <h3 id={`review-${step}`}>{m(`step.${step}`)}</h3>
        <button type="button" class="button button--quiet button--small" onClick={() => goTo(step)} aria-label={m('review.changeLabel', { step: m(`step.${step}`) })}>
          {m('review.change')}
        </button>
      </div>
      {children}
    </section>
  );
}

/** Step 5: everything at a glance, the eligibility check with its reasons, and any duplicate NIK. */
export function ReviewStep({ values, words, goTo, siteName, eligibility, rule, duplicates, flags }: ReviewStepProps) {
  const { m } = words;
  const household = householdFieldsFrom(values) as HouseholdView;
  const missing = documentKinds.filter((kind) => values.photos[kind].length === 0).map((kind) => m(`documents.kind.${kind}`));

  return (
    <>
      <Section words={words} goTo={goTo} step="head">
        <HeadFacts household={household} words={words} />
      </Section>
      <Section words={words} goTo={goTo} step="members">
        <IncomeFacts household={household} words={words} />
      </Section>
      <Section words={words} goTo={goTo} step="housing">
        <HousingFacts household={household} words={words} siteName={siteName ?? m('review.none')} />
      </Section>
      <Section words={words} goTo={goTo} step="documents">
        <dl class="facts">
          {documentKinds.map((kind) => (
            <div key={kind}>
              <dt>{m(`documents.kind.${kind}`)}</dt>
              <dd>{values.photos[kind].length > 0 ? m('documents.count', { count: values.photos[kind].length }) : m('documents.missing')}</dd>
            </div>
          ))}
        </dl>
        {missing.length > 0 && <p class="field__warning">{m('documents.incomplete', { list: missing.join(', ') })}</p>}
      </Section>
      <EligibilityResultView result={eligibility} rule={rule} words={words} headingLevel={3} />
      <DuplicateWarnings local={duplicates} flags={flags} words={words} headingLevel={3} />
    </>
  );
}
