import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { uuidv7, type OccupancyRow } from '../../schema';
import { saveRecord, type Session } from '../../worker';
import { useAppServices } from '../app-services';
import type { OccupancyReportSource } from '../queries/occupancy-report';
import { OccupancyRowCard, rowFieldId } from './occupancy-row-card';
import { changesSinceLastMonth, draftRows, prefillRows, reportSummary } from './occupancy-rows';
import { MonthChanges, SummaryFacts, type OccupancyI18n } from './occupancy-summary';
import { checkDraft, lenientRow, rowFields, toDraft, type RowDraft, type RowProblems } from './row-draft';
import { isQuotaError } from '../quota-error';

interface OccupancyReportFormProps {
  source: OccupancyReportSource;
  session: Session;
  siteId: string;
  month: string;
  previousMonthLabel: string;
  i18n: OccupancyI18n;
  /** A submitted report opened again to fix what the server refused: saving makes it a draft again. */
  reopened: boolean;
  /** Called once the report is saved as submitted: the screen shows it read-only from then on. */
  onSubmitted(): void;
}

/** The rows the form starts from: a saved draft (with units new since), else the pre-fill. */
function initialDrafts(source: OccupancyReportSource, month: string): RowDraft[] {
  const prefilled = prefillRows(source.units, source.leases, source.previousReport?.rows ?? null, month);
  return (source.report ? draftRows(source.report.rows, prefilled) : prefilled).map(toDraft);
}

type Check = { rows: OccupancyRow[]; problems: null } | { rows: null; problems: Map<string, RowProblems> };

function checkAll(drafts: readonly RowDraft[]): Check {
  const rows: OccupancyRow[] = [];
  const problems = new Map<string, RowProblems>();
  for (const draft of drafts) {
    const checked = checkDraft(draft);
    if (checked.row) rows.push(checked.row);
    else problems.set(draft.unitId, checked.problems);
  }
  return problems.size > 0 ? { rows: null, problems } : { rows, problems: null };
}

/**
 * Fill, review, submit. The form is mounted once the report's sources are read and keeps what the
 * officer typed when a sync rewrites the report meanwhile; saving sends whole rows.
 */
export function OccupancyReportForm({ source, session, siteId, month, previousMonthLabel, i18n, reopened, onSubmitted }: OccupancyReportFormProps) {
  const { m, formatNumber } = i18n;
  const { db, requestSync } = useAppServices();
  const [drafts, setDrafts] = useState(() => initialDrafts(source, month));
  const [problems, setProblems] = useState<Map<string, RowProblems>>(() => new Map());
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // A new report's id, made once: saving twice updates the same record.
  const [newId] = useState(() => uuidv7());
  const focusTarget = useRef<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  const units = useMemo(() => new Map(source.units.map((unit) => [unit.id, unit])), [source.units]);
  const previousRows = source.previousReport?.rows ?? null;
  const previousByUnit = useMemo(() => new Map((previousRows ?? []).map((row) => [row.unitId, row])), [previousRows]);
  const lenient = useMemo(() => drafts.map(lenientRow), [drafts]);
  const summary = useMemo(() => reportSummary(lenient), [lenient]);
  const diff = useMemo(() => changesSinceLastMonth(lenient, previousRows), [lenient, previousRows]);
  const unitCode = useCallback((unitId: string) => units.get(unitId)?.code ?? m('unknownUnit'), [units, m]);
  const submittedElsewhere = source.report?.status === 'submitted' && !reopened;

  const onChange = useCallback((unitId: string, patch: Partial<RowDraft>) => {
    setDrafts((current) => current.map((draft) => (draft.unitId === unitId ? { ...draft, ...patch } : draft)));
    setProblems((current) => {
      if (!current.has(unitId)) return current;
      // A field being fixed loses its message; the others keep theirs until the next check.
      const next = new Map(current);
      const own = { ...current.get(unitId) };
      for (const field of Object.keys(patch)) delete own[field as keyof RowProblems];
      if (Object.keys(own).length) next.set(unitId, own);
      else next.delete(unitId);
      return next;
    });
    setDirty(true);
    setStatus('');
  }, []);

  // Closing the tab or reloading with unsaved entries asks first (the browser words the question).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    if (target === 'review') reviewHeading.current?.focus();
    else document.getElementById(target)?.focus();
  });

  function showProblems(found: Map<string, RowProblems>) {
    setProblems(found);
    setStep('fill');
    const first = drafts.find((draft) => found.has(draft.unitId))!;
    const field = rowFields.find((name) => found.get(first.unitId)![name])!;
    focusTarget.current = rowFieldId(first.unitId, field);
    const count = [...found.values()].reduce((sum, own) => sum + Object.keys(own).length, 0);
    setFailure(m('problemsAlert', { count: formatNumber(count) }));
  }

  async function save(submit: boolean) {
    if (saving) return;
    const checked = checkAll(drafts);
    if (checked.problems) return showProblems(checked.problems);
    setFailure(null);
    setStatus(m('saving'));
    setSaving(true);
    const existing = source.report;
    const submission = submit
      ? { status: 'submitted' as const, submittedAt: new Date().toISOString(), preparedBy: session.user.id }
      : existing?.status === 'submitted'
        ? { status: 'draft' as const, submittedAt: null }
        : {};
    try {
      // A change sends what the form changed; a new report is sent whole.
      const result = existing
        ? await saveRecord(db, 'occupancyReports', existing.id, { rows: checked.rows, ...submission })
        : await saveRecord(db, 'occupancyReports', newId, {
            id: newId,
            regionId: source.site.regionId,
            siteId,
            month,
            status: 'draft',
            rows: checked.rows,
            submittedAt: null,
            preparedBy: session.user.id,
            ...submission,
          });
      setSaving(false);
      if (!result.ok) {
        setStatus('');
        setFailure(m('saveFailed', { reason: result.problems.map((p) => `${p.field} (${p.code})`).join(', ') }));
        return;
      }
      setDirty(false);
      if (submit) {
        onSubmitted();
      } else {
        setStatus(result.changed ? m('draftSaved') : m('noChangesToSave'));
      }
      // Saved on the device is saved; the upload happens whenever the network allows.
      void requestSync();
    } catch (error) {
      setSaving(false);
      setStatus('');
      setFailure(isQuotaError(error) ? m('storageFull') : m('saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  function review() {
    const checked = checkAll(drafts);
    if (checked.problems) return showProblems(checked.problems);
    setFailure(null);
    setStatus('');
    setStep('review');
    focusTarget.current = 'review';
  }

  const occupiedEmpty = lenient.filter((row) => row.occupied && row.occupants === 0).length;
  const busy = saving || submittedElsewhere;

  return (
    <div class="occupancy-form">
      {submittedElsewhere && (
        <p class="form__alert" role="alert">
          {m('submittedElsewhere')}
        </p>
      )}
      {failure && (
        <p class="form__alert" role="alert">
          {failure}
        </p>
      )}
      <section aria-labelledby="occupancy-summary">
        <h2 id="occupancy-summary">{m('summary')}</h2>
        <SummaryFacts summary={summary} i18n={i18n} />
      </section>
      {step === 'review' ? (
        <section class="occupancy-review" aria-labelledby="occupancy-review">
          <h2 id="occupancy-review" ref={reviewHeading} tabIndex={-1}>
            {m('reviewTitle')}
          </h2>
          <p>{m('reviewIntro')}</p>
          {occupiedEmpty > 0 && <p class="occupancy-warning">{m('warnOccupiedEmpty', { count: formatNumber(occupiedEmpty) })}</p>}
          <MonthChanges diff={diff} rows={lenient} unitCode={unitCode} previousMonthLabel={previousMonthLabel} i18n={i18n} headingId="occupancy-changes" />
          <div class="form__actions occupancy-actions">
            <button type="button" class="button" disabled={busy} aria-busy={saving} onClick={() => void save(true)}>
              {m('submit')}
            </button>
            <button type="button" class="button button--quiet" disabled={saving} onClick={() => setStep('fill')}>
              {m('backToEdit')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <MonthChanges diff={diff} rows={lenient} unitCode={unitCode} previousMonthLabel={previousMonthLabel} i18n={i18n} headingId="occupancy-changes" />
          <section aria-labelledby="occupancy-units">
            <h2 id="occupancy-units">{m('units', { count: formatNumber(drafts.length) })}</h2>
            {drafts.length === 0 ? (
              <p class="empty">{m('noUnits')}</p>
            ) : (
              <ol class="occupancy-rows">
                {drafts.map((draft) => {
                  const unit = units.get(draft.unitId);
                  return (
                    <OccupancyRowCard
                      key={draft.unitId}
                      draft={draft}
                      code={unit?.code ?? m('unknownUnit')}
                      unitStatus={unit?.status ?? null}
                      previous={previousByUnit.get(draft.unitId)}
                      compare={previousRows !== null}
                      problems={problems.get(draft.unitId)}
                      onChange={onChange}
                      i18n={i18n}
                    />
                  );
                })}
              </ol>
            )}
          </section>
          {/* Sticky at the bottom of a phone's screen: "Simpan draf" is always one tap away. */}
          <div class="form__actions occupancy-actions occupancy-actions--sticky">
            <button type="button" class="button" disabled={busy} aria-busy={saving} onClick={() => void save(false)}>
              {m('saveDraft')}
            </button>
            <button type="button" class="button button--quiet" disabled={busy || drafts.length === 0} onClick={review}>
              {m('review')}
            </button>
            {dirty && <span class="occupancy-actions__note">{m('unsaved')}</span>}
          </div>
        </>
      )}
      <p class="status-message" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
