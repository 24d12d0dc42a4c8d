import type { Attachment, Inspection } from '../../schema';
import { AttachmentThumbnail } from '../components/attachment-thumbnail';
import { useFeatureMessages } from '../i18n/feature-messages';
import { summarizeChecklist } from './checklist-summary';
import { checklistItemMessageKey, inspectionMessages, severityMessageKey } from './inspection-messages';

interface InspectionSummaryProps {
  inspection: Inspection;
  photos: readonly Attachment[];
  /** Today, YYYY-MM-DD: what "overdue" is measured against. */
  today: string;
}

/** An inspection's checklist in a few lines: items rated, open problems by severity, due dates, photos. */
export function InspectionSummary({ inspection, photos, today }: InspectionSummaryProps) {
  const { m, lang, formatDate, formatNumber } = useFeatureMessages(inspectionMessages);
  const itemName = (key: string) => {
    const messageKey = checklistItemMessageKey(key);
    return messageKey ? m(messageKey) : key;
  };
  const { checklist, gpsAccuracyM, latitude } = inspection;
  const summary = summarizeChecklist(checklist, today);
  const counts = summary.openBySeverity
    .map(({ severity, count }) => m('history.severityCount', { count, severity: m(severityMessageKey(severity)).toLocaleLowerCase(lang) }))
    .join(', ');
  const photoNumber = new Map<string, number>();

  return (
    <>
      {(checklist.length > 0 || latitude !== null) && (
        <p class="history__checklist">
          {[
            checklist.length > 0 && m('history.rated', { count: summary.rated }),
            checklist.length > 0 && (counts ? m('history.problemCounts', { counts }) : m('history.noProblems')),
            latitude !== null && gpsAccuracyM !== null && m('history.location', { accuracy: formatNumber(Math.round(gpsAccuracyM)) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {summary.problems.length > 0 && (
        <ul class="history__problems">
          {summary.problems.map((problem) => (
            <li key={problem.key}>
              {m('history.problem', { item: itemName(problem.key), severity: m(severityMessageKey(problem.severity)) })}
              {' — '}
              {problem.resolvedOn ? (
                <span class="history__resolved">{m('history.resolvedOn', { date: formatDate(problem.resolvedOn) })}</span>
              ) : problem.overdue ? (
                <strong class="history__overdue">{m('history.overdue', { date: formatDate(problem.dueDate) })}</strong>
              ) : (
                m('history.due', { date: formatDate(problem.dueDate) })
              )}
            </li>
          ))}
        </ul>
      )}
      {photos.length > 0 && (
        <ul class="history__photos" aria-label={m('history.photos')}>
          {photos.map((photo) => {
            const key = photo.itemKey ?? '';
            const n = (photoNumber.get(key) ?? 0) + 1;
            photoNumber.set(key, n);
            return (
              <li key={photo.id}>
                <AttachmentThumbnail sha256={photo.sha256} mimeType={photo.mimeType} alt={m('history.photoAlt', { item: key ? itemName(key) : m('history.photos'), n })} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
