import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { formatMonth } from '../occupancy/month';
import { useApplicationDrafts } from '../queries/application-drafts';
import { readApplicationTodos, readMonthlyReportTodos } from '../queries/home-todo';
import { useRepairsDue } from '../queries/repairs-due';
import { paths } from '../router/routes';
import { useLiveQuery } from '../use-live-query';
import { homeTodoMessages } from './home-todo-messages';
import './home-todo.css';

/** Each to-do list shows this many items; the count in its heading says how many there are. */
const shown = 10;

/** One line of a to-do list: a link, what it is about, and a state in words when it has one. */
interface TodoItem {
  key: string;
  href: string;
  label: string;
  meta?: string;
  state?: { kind: string; words: string };
}

interface TodoGroup {
  id: string;
  title: string;
  /** `undefined` while read. */
  items: TodoItem[] | undefined;
  empty: string;
  /** Beside the count, e.g. how many are overdue. */
  extra?: string;
}

interface HomeTodoProps {
  userId: string;
  regionIds: readonly string[];
  /** This month, YYYY-MM. */
  month: string;
}

/**
 * What waits for the officer: this month's occupancy reports, unfinished forms, returned and
 * draft applications, repairs due. Loaded just after home's first paint (its queries and the
 * application drafts' parser stay out of the main chunk).
 */
export function HomeTodo({ userId, regionIds, month }: HomeTodoProps) {
  const { m, t, formatDate, formatDateTime, formatNumber, lang } = useFeatureMessages(homeTodoMessages);
  const { db } = useAppServices();
  const regionKey = regionIds.join(',');

  const formDrafts = useApplicationDrafts();
  // Applications a form draft continues are listed once, as the draft.
  const inProgress = formDrafts?.filter((d) => d.editing).map((d) => d.applicationId).join(',') ?? '';
  const applications = useLiveQuery(() => readApplicationTodos(db, userId, new Set(inProgress.split(','))), [db, userId, inProgress]);
  const repairs = useRepairsDue();
  const reports = useLiveQuery(() => readMonthlyReportTodos(db, regionIds, month), [db, regionKey, month]);

  const changed = (at: string) => m('changedAt', { time: formatDateTime(at) });
  const overdue = repairs?.filter((r) => r.overdue).length ?? 0;
  const groups: TodoGroup[] = [
    {
      id: 'todo-reports',
      title: m('reports', { month: formatMonth(month, lang) }),
      items: reports?.map((r) => ({ key: r.siteId, href: paths.occupancyReport(r.siteId, month), label: r.siteName, state: { kind: r.state, words: m(`report.${r.state}`) } })),
      empty: m('noSites'),
      extra: reports?.length ? m('reportsCount', { submitted: formatNumber(reports.filter((r) => r.state === 'submitted').length), sites: formatNumber(reports.length) }) : undefined,
    },
    {
      id: 'todo-form-drafts',
      title: m('formDrafts'),
      items: formDrafts?.map((d) => ({ key: d.id, href: d.href, label: d.headName || m('unnamed'), meta: changed(d.updatedAt) })),
      empty: m('noFormDrafts'),
    },
    {
      id: 'todo-returned',
      title: m('returnedApplications'),
      items: applications?.returned.map((a) => ({ key: a.id, href: paths.application(a.id), label: a.householdName || m('unnamed'), meta: `${a.siteName} · ${changed(a.updatedAt)}` })),
      empty: m('noReturnedApplications'),
    },
    {
      id: 'todo-draft-applications',
      title: m('draftApplications'),
      items: applications?.drafts.map((a) => ({ key: a.id, href: paths.editApplication(a.id), label: a.householdName || m('unnamed'), meta: `${a.siteName} · ${changed(a.updatedAt)}` })),
      empty: m('noDraftApplications'),
    },
    {
      id: 'todo-repairs',
      title: m('repairsDue'),
      items: repairs?.map((r) => ({
        key: `${r.inspectionId}/${r.itemKey}`,
        href: paths.unit(r.unitId),
        label: r.siteName ? `${r.unitCode} · ${r.siteName}` : r.unitCode,
        meta: `${r.description} · ${m('due', { date: formatDate(r.dueDate) })}`,
        state: r.overdue ? { kind: 'overdue', words: m('overdue') } : undefined,
      })),
      empty: m('noRepairsDue'),
      extra: overdue ? m('overdueCount', { count: formatNumber(overdue) }) : undefined,
    },
  ];

  return (
    <>
      {groups.map(({ id, title, items, empty, extra }) => (
        <section key={id} aria-labelledby={id}>
          <h3 id={id} class="todo__title">
            {title} {items && <span class="heading-sub">({formatNumber(items.length)})</span>}
          </h3>
          {extra && <p class="todo__extra">{extra}</p>}
          {!items ? (
            <p class="empty">{t('app.loading')}</p>
          ) : items.length === 0 ? (
            <p class="empty">{empty}</p>
          ) : (
            <ul class="home-list todo__list">
              {items.slice(0, shown).map((item) => (
                <li key={item.key}>
                  <a href={item.href}>{item.label}</a> {item.state && <span class={`report-state report-state--${item.state.kind}`}>{item.state.words}</span>}
                  {item.meta && <span class="todo__meta">{item.meta}</span>}
                </li>
              ))}
            </ul>
          )}
          {items && items.length > shown && <p class="note">{m('more', { count: formatNumber(items.length - shown) })}</p>}
        </section>
      ))}
    </>
  );
}
