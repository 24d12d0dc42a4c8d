import { useEffect, useRef, useState } from 'preact/hooks';
import { discardRejected, resendRejected } from '../../worker';
import { useAppServices } from '../app-services';
import { readInspectionHistory, type InspectionEntry } from '../queries/inspection-history';
import { conditionKey } from '../i18n/condition-key';
import { inspectionTypeKey } from '../i18n/inspection-type-key';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { InspectionSummary } from '../inspections/inspection-summary';
import { todayLocalDate } from '../local-date';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import { RecordSyncBadge } from './record-sync-badge';
import { RejectionNotice } from './rejection-notice';
import './inspection-history.css';
import '../inspections/inspections.css';

const headingId = 'history-heading';

/**
 * What the person can do with a change the server refused (S15): fix it in the form, send it
 * again as it stands, or discard it, after saying so a second time.
 */
function RejectedActions({ entry, reasonId, onSettled }: { entry: InspectionEntry; reasonId: string; onSettled(removed: boolean): void }) {
  const { t, formatDate } = useI18n();
  const { db, requestSync } = useAppServices();
  const { inspection } = entry;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // A record the server never accepted is removed from the device when its change is discarded.
  const onServer = inspection.version > 0;

  useEffect(() => {
    // The question is read first, and a second press of the same spot cannot discard by accident.
    if (confirming) question.current?.focus();
    else if (returnFocus.current) discardButton.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  async function act(action: () => Promise<boolean>, removed: boolean) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      if (await action()) onSettled(removed);
    } catch (error) {
      setFailure(t('unit.actionFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
    setBusy(false);
  }

  const resend = () =>
    act(async () => {
      const result = await resendRejected(db, 'inspections', inspection.id);
      if (!result.ok) {
        setFailure(t('unit.resendInvalid'));
        return false;
      }
      void requestSync();
      return true;
    }, false);

  const discard = () =>
    act(async () => {
      await discardRejected(db, 'inspections', inspection.id);
      return true;
    }, !onServer);

  return (
    <>
      <div class="rejection__actions">
        <a
          class="button button--small button--quiet"
          href={paths.editInspection(inspection.unitId, inspection.id)}
          aria-label={t('unit.fixLabel', { date: formatDate(inspection.inspectedOn) })}
        >
          {t('unit.fix')}
        </a>
        <button type="button" class="button button--small" disabled={busy} aria-describedby={reasonId} onClick={resend}>
          {t('unit.resend')}
        </button>
        {!confirming && (
          <button
            ref={discardButton}
            type="button"
            class="button button--small button--quiet"
            disabled={busy}
            aria-describedby={reasonId}
            onClick={() => setConfirming(true)}
          >
            {t('unit.discard')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="rejection__confirm">
          <p ref={question} tabIndex={-1}>
            {onServer ? t('unit.discardChange') : t('unit.discardNew')}
          </p>
          <div class="rejection__actions">
            <button type="button" class="button button--small button--danger" disabled={busy} onClick={discard}>
              {t('unit.discardYes')}
            </button>
            <button
              type="button"
              class="button button--small button--quiet"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
            >
              {t('inspection.cancel')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p class="rejection__failure" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

function HistoryItem({ entry, today }: { entry: InspectionEntry; today: string }) {
  const { t, formatDate } = useI18n();
  const { inspection, pending, rejection } = entry;
  const head = useRef<HTMLDivElement>(null);
  const reasonId = `rejection-${inspection.id}`;
  const date = formatDate(inspection.inspectedOn);

  // The pressed button goes away with the refusal: focus stays on this inspection, or, when it
  // is gone from the device, moves to the list's heading.
  function settled(removed: boolean) {
    if (removed) document.getElementById(headingId)?.focus();
    else head.current?.focus();
  }

  return (
    <li class="history__item">
      <div class="history__head" ref={head} tabIndex={-1}>
        <time dateTime={inspection.inspectedOn}>{date}</time>
        <span class="history__type">{t(inspectionTypeKey(inspection.type))}</span>
        {/* The record's own unsent change keeps its words; otherwise the shared badge tells whether
            the server has it whole, its photos' bytes included (S23). A refusal has its notice below. */}
        {pending ? <span class="badge badge--pending">{t('unit.notSynced')}</span> : !rejection && <RecordSyncBadge entity="inspections" recordId={inspection.id} />}
        {!rejection && (
          <a class="history__edit" href={paths.editInspection(inspection.unitId, inspection.id)} aria-label={t('unit.editLabel', { date })}>
            {t('unit.edit')}
          </a>
        )}
      </div>
      <p class={`condition condition--${inspection.conditionRating}`}>
        {t('unit.condition', { condition: t(conditionKey(inspection.conditionRating)) })}
      </p>
      {inspection.notes && <p class="history__notes">{inspection.notes}</p>}
      <InspectionSummary inspection={inspection} photos={entry.photos} today={today} />
      {rejection && (
        <RejectionNotice rejection={rejection} id={reasonId}>
          <RejectedActions entry={entry} reasonId={reasonId} onSettled={settled} />
        </RejectionNotice>
      )}
    </li>
  );
}

/** A unit's inspections, newest first, each marked while the server does not have it yet or refused it. */
export function InspectionHistory({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { db } = useAppServices();
  const entries = useLiveQuery(() => readInspectionHistory(db, unitId), [db, unitId]);
  // Overdue repairs turn red when the day turns, not only when the page is opened again.
  const today = todayLocalDate(useNow(60_000));

  return (
    <section class="history" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('unit.history')}
      </h2>
      {entries && entries.length === 0 && <p class="empty">{t('unit.noInspections')}</p>}
      {entries && entries.length > 0 && (
        <ul class="history__list">
          {entries.map((entry) => (
            <HistoryItem key={entry.inspection.id} entry={entry} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}
