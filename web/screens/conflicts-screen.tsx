import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conflict, SessionUser } from '../../schema';
import { keepCurrentValue, restoreLostValue, type Resolution } from '../actions/resolve-conflict';
import { useAppServices } from '../app-services';
import { readOpenConflicts, type ConflictRow, type ConflictSubject } from '../queries/open-conflicts';
import { useSession } from '../queries/use-session';
import { useI18n } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { entityWords } from '../i18n/record-words';
import { recordFieldWords as fieldWords, recordValueWords as valueWords } from '../applications/record-field-words';
import { paths } from '../router/routes';
import { mayResolveConflicts, mayRestore } from '../may-resolve-conflicts';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { usePeopleNames } from '../people/use-people-names';
import { OfficeRecordHistory } from '../audit/office-record-history';
import './conflicts-screen.css';

const titleId = (conflict: Conflict) => `conflict-${conflict.id}-title`;

function subjectWords(locale: Locale, subject: ConflictSubject): string {
  switch (subject.kind) {
    case 'unit':
      return [subject.code, subject.siteName].filter(Boolean).join(' · ');
    case 'inspection':
      return [subject.unitCode, locale.formatDate(subject.inspectedOn)].filter(Boolean).join(' · ');
    case 'household':
      return subject.headName;
    case 'record':
      return subject.recordId;
  }
}

/**
 * Who made a change: the name from the office's copy of the people directory; before that copy
 * has arrived, the end of their id (the start of a uuidv7 is a timestamp, shared by users made together).
 */
function personWords(locale: Locale, me: SessionUser, names: ReadonlyMap<string, string>, userId: string): string {
  if (userId === me.id) return me.displayName;
  return names.get(userId) ?? locale.t('conflicts.user', { id: userId.length > 12 ? userId.slice(-8) : userId });
}

function LostFields({ conflict }: { conflict: Conflict }) {
  const locale = useI18n();
  const lost = conflict.lostValue;
  if (!lost || typeof lost !== 'object' || Array.isArray(lost)) return <>{valueWords(locale, conflict.entity, '*', lost)}</>;
  return (
    <ul class="conflict__fields">
      {Object.entries(lost).map(([field, value]) => (
        <li key={field}>
          {fieldWords(locale, conflict.entity, field)}: {valueWords(locale, conflict.entity, field, value)}
        </li>
      ))}
    </ul>
  );
}

interface ConflictItemProps {
  row: ConflictRow;
  user: SessionUser;
  names: ReadonlyMap<string, string>;
  onResolved(conflict: Conflict, how: 'kept' | 'restored'): void;
}

function ConflictItem({ row, user, names, onResolved }: ConflictItemProps) {
  const locale = useI18n();
  const { t, formatDateTime } = locale;
  const { db, requestSync } = useAppServices();
  const { conflict, subject } = row;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const recordDeleted = conflict.field === '*';

  async function resolve(how: 'kept' | 'restored') {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    let result: Resolution;
    try {
      result = how === 'kept' ? await keepCurrentValue(db, conflict, user.id) : await restoreLostValue(db, conflict, user.id);
    } catch (error) {
      result = { ok: false, problems: [{ field: '', code: error instanceof Error ? error.message : String(error) }] };
    }
    setBusy(false);
    if (!result.ok) {
      setFailure(t('conflicts.failed', { reason: result.problems.map((p) => [p.field, p.code].filter(Boolean).join(': ')).join(', ') }));
      return;
    }
    onResolved(conflict, how);
    void requestSync();
  }

  return (
    <li class="conflict">
      <h2 class="conflict__title" id={titleId(conflict)} tabIndex={-1}>
        {entityWords(locale, conflict.entity)} <span class="conflict__subject">{subjectWords(locale, subject)}</span>
      </h2>
      {!recordDeleted && <p class="conflict__field">{t('conflicts.field', { field: fieldWords(locale, conflict.entity, conflict.field) })}</p>}
      <dl class="conflict__values">
        <div class="conflict__value conflict__value--kept">
          <dt>{t('conflicts.current')}</dt>
          <dd>
            <span class="conflict__text">
              {recordDeleted ? t('conflicts.deleted') : valueWords(locale, conflict.entity, conflict.field, conflict.keptValue)}
            </span>
            <span class="conflict__meta">{t('conflicts.by', { name: personWords(locale, user, names, conflict.keptBy) })}</span>
          </dd>
        </div>
        <div class="conflict__value conflict__value--lost">
          <dt>{t('conflicts.lost')}</dt>
          <dd>
            <span class="conflict__text">
              {recordDeleted ? <LostFields conflict={conflict} /> : valueWords(locale, conflict.entity, conflict.field, conflict.lostValue)}
            </span>
            <span class="conflict__meta">
              {t('conflicts.by', { name: personWords(locale, user, names, conflict.lostBy) })},{' '}
              {t('conflicts.recordedOnDevice', { time: formatDateTime(conflict.lostClientTime) })}
            </span>
          </dd>
        </div>
      </dl>
      <div class="conflict__actions">
        <button type="button" class="button button--small" disabled={busy} aria-describedby={titleId(conflict)} onClick={() => void resolve('kept')}>
          {t('conflicts.keep')}
        </button>
        {/* A decision is re-made on the review screen, where it is recorded with who, when and why. */}
        {conflict.entity === 'applications' && !recordDeleted && (
          <a class="button button--small button--quiet" href={paths.reviewApplication(conflict.recordId)} aria-describedby={titleId(conflict)}>
            {t('conflicts.openReview')}
          </a>
        )}
        {mayRestore(user, conflict) && (
          <button
            type="button"
            class="button button--small button--quiet"
            disabled={busy}
            aria-describedby={titleId(conflict)}
            onClick={() => void resolve('restored')}
          >
            {t('conflicts.restore')}
          </button>
        )}
      </div>
      {failure && (
        <p class="form__alert" role="alert">
          {failure}
        </p>
      )}
      {/* When the current value was written, and by whom, is in the record's history (S27): fetched only when opened. */}
      <details class="conflict__history" onToggle={(event) => setHistoryOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('conflicts.history')}</summary>
        {historyOpen && <OfficeRecordHistory entity={conflict.entity} recordId={conflict.recordId} headingLevel={3} />}
      </details>
    </li>
  );
}

/** The open conflicts, their people named from the office's copy of the directory. */
function ConflictList({ rows, user, onResolved }: Omit<ConflictItemProps, 'row' | 'names'> & { rows: ConflictRow[] }) {
  const names = usePeopleNames();
  return (
    <ul class="conflict-list">
      {rows.map((row) => (
        <ConflictItem key={row.conflict.id} row={row} user={user} names={names} onResolved={onResolved} />
      ))}
    </ul>
  );
}

/** Office staff decide each open conflict (S14): keep the value the server holds, or restore the other. */
export function ConflictsScreen() {
  const { t } = useI18n();
  const { db } = useAppServices();
  const session = useSession();
  const rows = useLiveQuery(() => readOpenConflicts(db), [db]);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // Where focus goes once a resolved conflict has left the list: the one that took its place.
  const resolved = useRef<{ id: string; index: number } | null>(null);
  useDocumentTitle(t('conflicts.title'));

  useEffect(() => {
    const done = resolved.current;
    if (!rows || !done || rows.some((row) => row.conflict.id === done.id)) return;
    resolved.current = null;
    const next = rows[Math.min(done.index, rows.length - 1)];
    const target = next ? document.getElementById(titleId(next.conflict)) : heading.current;
    target?.focus();
  }, [rows]);

  if (session === undefined) return null;
  if (session === null) return null;
  const user = session.user;

  function onResolved(conflict: Conflict, how: 'kept' | 'restored') {
    resolved.current = { id: conflict.id, index: rows?.findIndex((row) => row.conflict.id === conflict.id) ?? 0 };
    setAnnouncement(how === 'kept' ? t('conflicts.kept') : t('conflicts.restored'));
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('conflicts.title')}
      </h1>
      <p class="status-message" role="status">
        {announcement}
      </p>
      {!mayResolveConflicts(user) ? (
        <p class="empty">{t('conflicts.officeOnly')}</p>
      ) : (
        <>
          {rows && rows.length > 0 && <p class="note">{t('conflicts.intro')}</p>}
          {rows && rows.length === 0 && <p class="empty">{t('conflicts.none')}</p>}
          {rows && rows.length > 0 && <ConflictList rows={rows} user={user} onResolved={onResolved} />}
        </>
      )}
    </>
  );
}
