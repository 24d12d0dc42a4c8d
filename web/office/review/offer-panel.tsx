import { useRef, useState } from 'preact/hooks';
import { nextStatuses, type Application, type FieldProblem, type Unit } from '../../../schema';
import type { Session } from '../../../worker';
import { useAppServices } from '../../app-services';
import { TextField } from '../../applications/form-controls';
import { todayLocalDate } from '../../local-date';
import { unexpectedOutcome, type Outcome, type ReviewWords } from './decision-panel';
import { declineOffer, offerUnit, oneYearLater, signLease, suggestedAgreementNumber, type DecisionResult } from './review-decisions';
import { problemText, type DoneKey } from './review-problems';
import { runAlone } from './run-alone';

/** Rupiah typed as the office writes it ("2.500.000" or "2500000"); null when it is not a whole amount. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : null;
}

interface OfferPanelProps {
  application: Application;
  siteName: string;
  /** The site's units that are vacant now. */
  vacantUnits: readonly Unit[];
  /** The unit named by the offer, while there is one. */
  offeredUnit: Unit | null;
  session: Session;
  words: ReviewWords;
  onOutcome(outcome: Outcome): void;
}

/** `inFlight`: shared by the runners of one form, so that its two buttons cannot both run at once. */
function useDecisionRunner(onOutcome: OfferPanelProps['onOutcome'], words: ReviewWords, inFlight: { current: boolean }) {
  const { requestSync } = useAppServices();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  /** Fields whose problems show beside them; any other refusal is said in the screen's status. */
  async function run(work: () => Promise<DecisionResult>, done: DoneKey, shownFields: readonly string[]) {
    await runAlone(inFlight, async () => {
      setBusy(true);
      setProblems([]);
      try {
        const result = await work();
        if (result.ok) {
          onOutcome({ done });
          void requestSync();
        } else {
          setProblems(result.problems);
          const elsewhere = result.problems.find((p) => !shownFields.includes(p.field));
          if (elsewhere) onOutcome({ failed: elsewhere.code, field: elsewhere.field });
        }
      } catch (error) {
        onOutcome(unexpectedOutcome(error));
      }
      setBusy(false);
    });
  }
  const problemOf = (field: string) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? problemText(problem.code, words, field) : undefined;
  };
  return { busy, run, problemOf, setProblems };
}

function unitLine(unit: Unit, words: ReviewWords) {
  return words.m('review.unitLine', {
    code: unit.code,
    size: words.formatNumber(unit.sizeM2),
    rent: words.formatRupiah(unit.monthlyRent),
    accessible: unit.accessible ? words.m('review.accessible') : '',
  });
}

/** An approved application: choose a vacant unit of its site and offer it. */
function OfferUnitForm({ application, siteName, vacantUnits, session, words, onOutcome }: OfferPanelProps) {
  const { m } = words;
  const { db } = useAppServices();
  const [unitId, setUnitId] = useState('');
  const [comment, setComment] = useState('');
  const inFlight = useRef(false);
  const { busy, run, problemOf } = useDecisionRunner(onOutcome, words, inFlight);
  const unitProblem = problemOf('unitId');
  return (
    <section class="decision-panel" aria-labelledby="offer-heading">
      <h2 id="offer-heading">{m('review.offerHeading')}</h2>
      {vacantUnits.length === 0 ? (
        <p class="empty">{m('review.noVacantUnits')}</p>
      ) : (
        <>
          <fieldset aria-describedby={unitProblem ? 'offer-unit-problem' : undefined}>
            <legend>{m('review.unitChoice', { site: siteName })}</legend>
            {unitProblem && (
              <p id="offer-unit-problem" class="field__problem">
                {unitProblem}
              </p>
            )}
            <ul class="unit-choices">
              {vacantUnits.map((unit) => (
                <li key={unit.id}>
                  <label>
                    <input type="radio" name="offer-unit" value={unit.id} checked={unitId === unit.id} onChange={() => setUnitId(unit.id)} aria-invalid={Boolean(unitProblem)} />
                    {unitLine(unit, words)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextField id="offer-note" label={m('review.note')} value={comment} onInput={setComment} maxLength={1000} />
          <button type="button" class="button" disabled={busy} onClick={() => void run(() => (unitId ? offerUnit(db, application.id, unitId, session, new Date(), comment) : Promise.resolve({ ok: false, problems: [{ field: 'unitId', code: 'unit_required' }] })), 'unit_offered', ['unitId'])}>
            {m('review.offer')}
          </button>
        </>
      )}
    </section>
  );
}

/** An offered unit: sign its lease, or record that the household declined it. */
function LeaseForm({ application, offeredUnit, session, words, onOutcome }: OfferPanelProps) {
  const { m } = words;
  const { db } = useAppServices();
  const today = todayLocalDate();
  const [terms, setTerms] = useState(() => ({
    agreementNumber: offeredUnit ? suggestedAgreementNumber(offeredUnit.code, application.id, today) : '',
    startDate: today,
    endDate: oneYearLater(today),
    monthlyRent: offeredUnit ? String(offeredUnit.monthlyRent) : '',
    deposit: offeredUnit ? String(offeredUnit.monthlyRent * 3) : '',
  }));
  const [declineNote, setDeclineNote] = useState('');
  const inFlight = useRef(false);
  const lease = useDecisionRunner(onOutcome, words, inFlight);
  const decline = useDecisionRunner(onOutcome, words, inFlight);
  const set = (field: keyof typeof terms) => (value: string) => {
    setTerms((all) => ({ ...all, [field]: value }));
    lease.setProblems((all) => all.filter((p) => p.field !== field));
  };
  const leaseFields = ['agreementNumber', 'startDate', 'endDate', 'monthlyRent', 'deposit'];

  function sign() {
    const monthlyRent = parseRupiah(terms.monthlyRent);
    const deposit = parseRupiah(terms.deposit);
    void lease.run(
      async () => {
        const amounts = [...(monthlyRent === null ? [{ field: 'monthlyRent', code: 'amount' }] : []), ...(deposit === null ? [{ field: 'deposit', code: 'amount' }] : [])];
        if (amounts.length > 0) return { ok: false, problems: amounts };
        return signLease(db, application.id, { ...terms, monthlyRent: monthlyRent!, deposit: deposit! }, session);
      },
      'lease_signed',
      leaseFields,
    );
  }

  return (
    <>
      <section class="decision-panel" aria-labelledby="lease-heading">
        <h2 id="lease-heading">{m('review.leaseHeading')}</h2>
        <p>
          {m('review.offeredUnit')}: <strong>{offeredUnit ? unitLine(offeredUnit, words) : m('problem.unit_required')}</strong>
        </p>
        <div class="lease-fields">
          <TextField id="lease-agreementNumber" label={m('review.agreementNumber')} value={terms.agreementNumber} onInput={set('agreementNumber')} maxLength={40} required problem={lease.problemOf('agreementNumber')} />
          <TextField id="lease-monthlyRent" label={m('review.monthlyRent')} value={terms.monthlyRent} onInput={set('monthlyRent')} inputMode="numeric" required problem={lease.problemOf('monthlyRent')} />
          <TextField id="lease-startDate" label={m('review.startDate')} type="date" value={terms.startDate} onInput={set('startDate')} required problem={lease.problemOf('startDate')} />
          <TextField id="lease-endDate" label={m('review.endDate')} type="date" value={terms.endDate} onInput={set('endDate')} required problem={lease.problemOf('endDate')} />
          <TextField id="lease-deposit" label={m('review.deposit')} value={terms.deposit} onInput={set('deposit')} inputMode="numeric" required problem={lease.problemOf('deposit')} />
        </div>
        <button type="button" class="button" disabled={lease.busy || decline.busy} onClick={sign}>
          {m('review.lease')}
        </button>
      </section>
      {nextStatuses(application.status, session.user.role).includes('approved') && (
        <section class="decision-panel" aria-labelledby="decline-heading">
          <h2 id="decline-heading">{m('review.decline')}</h2>
          <TextField id="decline-note" label={m('review.declineNote')} value={declineNote} onInput={setDeclineNote} maxLength={1000} />
          <button type="button" class="button button--quiet" disabled={lease.busy || decline.busy} onClick={() => void decline.run(() => declineOffer(db, application.id, session, new Date(), declineNote), 'declined', [])}>
            {m('review.decline')}
          </button>
        </section>
      )}
    </>
  );
}

/** After approval: the offer of a unit, then the lease or the household's refusal of the offer. */
export function OfferPanel(props: OfferPanelProps) {
  const moves = nextStatuses(props.application.status, props.session.user.role);
  if (props.application.status === 'approved' && moves.includes('unit_offered')) return <OfferUnitForm {...props} />;
  // Keyed by the unit, so that a new offer starts from that unit's rent and code.
  if (props.application.status === 'unit_offered' && moves.includes('lease_signed')) return <LeaseForm key={props.offeredUnit?.id ?? 'none'} {...props} />;
  return null;
}
