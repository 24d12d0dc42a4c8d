import { useAppServices } from '../app-services';
import { readInspectionHistory } from '../queries/inspection-history';
import { conditionKey } from '../i18n/condition-key';
import { useI18n } from '../i18n/i18n-context';
import { useLiveQuery } from '../use-live-query';

/** A unit's inspections, newest first, each marked while the server does not have it yet. */
export function InspectionHistory({ unitId }: { unitId: string }) {
  const { t, formatDate } = useI18n();
  const { db } = useAppServices();
  const entries = useLiveQuery(() => readInspectionHistory(db, unitId), [db, unitId]);

  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('unit.history')}</h2>
      {entries && entries.length === 0 && <p class="empty">{t('unit.noInspections')}</p>}
      {entries && entries.length > 0 && (
        <ul class="history__list">
          {entries.map(({ inspection, pending }) => (
            <li key={inspection.id} class="history__item">
              <div class="history__head">
                <time dateTime={inspection.inspectedOn}>{formatDate(inspection.inspectedOn)}</time>
                {pending && <span class="badge badge--pending">{t('unit.notSynced')}</span>}
              </div>
              <p class={`condition condition--${inspection.conditionRating}`}>
                {t('unit.condition', { condition: t(conditionKey(inspection.conditionRating)) })}
              </p>
              {inspection.notes && <p class="history__notes">{inspection.notes}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
