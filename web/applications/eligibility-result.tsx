import type { EligibilityResult, ProgramRule } from '../../schema';
import type { StepProps } from './step-props';
import { eligibilityOutcomeWords, eligibilityReasonWords } from './words';

interface EligibilityResultProps {
  /** null: no site chosen yet, so no province and no rule to check against; undefined: being read. */
  result: EligibilityResult | null | undefined;
  rule: ProgramRule | null;
  words: StepProps['words'];
  headingLevel: 2 | 3;
}

/**
 * The offline eligibility check, explained: the outcome, then each rule met or not with its
 * figures. A live region, so a change (another site, a corrected income) is read out.
 */
export function EligibilityResultView({ result, rule, words, headingLevel }: EligibilityResultProps) {
  const { m, formatDate } = words;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const outcome = result?.outcome ?? 'none';
  return (
    <section class="eligibility" aria-labelledby="eligibility-heading">
      <Heading id="eligibility-heading">{m('eligibility.heading')}</Heading>
      <div aria-live="polite" aria-atomic="true">
        {result === undefined ? null : result === null ? (
          <p class="eligibility__outcome eligibility__outcome--unknown">{m('eligibility.noSite')}</p>
        ) : (
          <>
            <p class={`eligibility__outcome eligibility__outcome--${outcome}`} data-testid="eligibility-outcome">
              {eligibilityOutcomeWords(result, words)}
            </p>
            {result.reasons.length > 0 && (
              <ul class="eligibility__reasons">
                {result.reasons.map((reason) => (
                  <li key={reason.rule} class={`reason reason--${reason.passed ? 'passed' : 'failed'}`}>
                    <span class="reason__mark">{m(reason.passed ? 'eligibility.passed' : 'eligibility.failed')}:</span> {eligibilityReasonWords(reason, words)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {rule && result?.outcome !== 'unknown' && <p class="note">{m('eligibility.rule', { name: rule.name, date: formatDate(rule.effectiveFrom) })}</p>}
    </section>
  );
}
