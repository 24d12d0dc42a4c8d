import { useRef, useState } from 'preact/hooks';
import { nextStatuses, type Application, type FieldProblem, type Household } from '../../../schema';
import type { Session } from '../../../worker';
import { useAppServices } from '../../app-services';
import type { ApplicationMessageKey } from '../../applications/application-messages';
import { TextField } from '../../applications/form-controls';
import type { FeatureI18n } from '../../i18n/feature-messages';
import { decide, type Decision } from './review-decisions';
import type { ReviewMessageKey } from './review-messages';
import { problemText, type DoneKey } from './review-problems';
import { runAlone } from './run-alone';

export type ReviewWords = FeatureI18n<ReviewMessageKey>;
export type AppWords = FeatureI18n<ApplicationMessageKey>;

/**
 * What a decision answered, kept as keys so that it follows a change of language: a refusal by its
 * problem code (and field), an unexpected error as 'unexpected' with its own message as a detail.
 */
export type Outcome = { done: DoneKey } | { failed: string; field?: string; detail?: string } | null;

/** The outcome of a decision that threw (a bug, a full disk): said in the user's words, the error kept as a detail. */
export function unexpectedOutcome(error: unknown): Outcome {
  return { failed: 'unexpected', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * The fields a reviewer may comment on, by the names the officer's form shows its comments
 * under (web/applications/form-steps.ts): the top-level fields, and each member's income and NIK.
 */
export function commentableFields(household: Household | null, app: AppWords, words: ReviewWords): { name: string; label: string }[] {
  const top = (names: string[]) => names.map((name) => ({ name, label: app.m(`field.${name}` as ApplicationMessageKey) }));
  const members = (household?.members ?? []).flatMap((member, index) => [
    { name: `members.${index}.income`, label: words.m('review.memberIncome', { n: index + 1, name: member.name }) },
    { name: `members.${index}.nik`, label: words.m('review.memberNik', { n: index + 1, name: member.name }) },
  ]);
  return [
    ...top(['headName', 'headNik', 'kkNumber', 'birthDate', 'phone', 'headOccupation', 'headIncome', 'members']),
    ...members,
    ...top(['currentHousing', 'currentAddress', 'hasLocalIdCard', 'ownsHouse', 'statement', 'photos']),
  ];
}

interface DecisionPanelProps {
  application: Application;
  household: Household | null;
  session: Session;
  words: ReviewWords;
  app: AppWords;
  /** Says what happened, in the screen's live region (kept outside, so it outlives the panel's buttons). */
  onOutcome(outcome: Outcome): void;
}

/** The office's plain decisions, offered only as the lifecycle allows them for the user's role. */
export function DecisionPanel({ application, household, session, words, app, onOutcome }: DecisionPanelProps) {
  const { m } = words;
  const { db, requestSync } = useAppServices();
  const [note, setNote] = useState('');
  const [fieldComments, setFieldComments] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const noteRef = useRef<HTMLDivElement>(null);
  const commentsRef = useRef<HTMLFieldSetElement>(null);

  const moves = nextStatuses(application.status, session.user.role);
  // Back to approved from an offer is the offer panel's "declined": it frees the unit too.
  const plain = application.status === 'unit_offered' ? [] : moves.filter((to) => to !== 'unit_offered' && to !== 'lease_signed');
  if (plain.length === 0) return null;
  const canReturn = plain.includes('returned');
  const hasFieldComments = Object.values(fieldComments).some((text) => text.trim() !== '');
  const problemOf = (field: string) => problems.find((p) => p.field === field);

  async function run(decision: Decision) {
    // Field comments belong to a return: sent with another decision they would be lost unseen.
    if (decision.to !== 'returned' && hasFieldComments) {
      setProblems([{ field: 'fieldComments', code: 'fieldCommentsOnlyReturn' }]);
      commentsRef.current?.focus();
      return;
    }
    await runAlone(inFlight, async () => {
      setBusy(true);
      setProblems([]);
      try {
        const result = await decide(db, application.id, decision, session);
        if (result.ok) {
          setNote('');
          setFieldComments({});
          onOutcome({ done: decision.to });
          void requestSync();
        } else {
          setProblems(result.problems);
          const first = result.problems[0];
          if (first?.field === 'decisionNote') noteRef.current?.querySelector('textarea')?.focus();
          else if (first?.field === 'fieldComments') commentsRef.current?.focus();
          else onOutcome({ failed: first?.code ?? 'other', field: first?.field });
        }
      } catch (error) {
        onOutcome(unexpectedOutcome(error));
      }
      setBusy(false);
    });
  }

  const noteProblem = problemOf('decisionNote');
  const commentsProblem = problemOf('fieldComments');
  return (
    <section class="decision-panel" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{m('review.decision')}</h2>
      <div ref={noteRef}>
        <TextField
          id="review-note"
          label={m('review.note')}
          value={note}
          onInput={(value) => {
            setNote(value);
            setProblems((all) => all.filter((p) => p.field !== 'decisionNote'));
          }}
          multiline
          maxLength={1000}
          hint={m('review.noteHint')}
          problem={noteProblem ? problemText(noteProblem.code, words) : undefined}
        />
      </div>
      {canReturn && (
        <fieldset ref={commentsRef} tabIndex={-1} aria-describedby={commentsProblem ? 'review-field-comments-intro review-field-comments-problem' : 'review-field-comments-intro'}>
          <legend>{m('review.returnFields')}</legend>
          <p id="review-field-comments-intro" class="field__hint">
            {m('review.returnIntro')}
          </p>
          {commentsProblem && (
            <p id="review-field-comments-problem" class="field__problem">
              {problemText(commentsProblem.code, words)}
            </p>
          )}
          <div class="field-comments">
            {commentableFields(household, app, words).map(({ name, label }) => (
              <TextField
                key={name}
                id={`review-comment-${name.replace(/\./g, '-')}`}
                label={m('review.commentFor', { field: label })}
                value={fieldComments[name] ?? ''}
                maxLength={500}
                onInput={(value) => {
                  setFieldComments((all) => ({ ...all, [name]: value }));
                  setProblems((all) => all.filter((p) => p.field !== 'fieldComments'));
                }}
              />
            ))}
          </div>
        </fieldset>
      )}
      <div class="form__actions">
        {plain.includes('approved') && (
          <button type="button" class="button" disabled={busy} onClick={() => void run({ to: 'approved', comment: note })}>
            {m('review.approve')}
          </button>
        )}
        {plain.includes('waitlisted') && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => void run({ to: 'waitlisted', note })}>
            {m('review.waitlist')}
          </button>
        )}
        {canReturn && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => void run({ to: 'returned', comment: note, fieldComments })}>
            {m('review.return')}
          </button>
        )}
        {plain.includes('rejected') && (
          <button type="button" class="button button--danger" disabled={busy} onClick={() => void run({ to: 'rejected', reason: note })}>
            {m('review.reject')}
          </button>
        )}
        {plain.includes('under_review') && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={() => void run({ to: 'under_review', comment: note })}>
            {m('review.underReview')}
          </button>
        )}
      </div>
    </section>
  );
}
