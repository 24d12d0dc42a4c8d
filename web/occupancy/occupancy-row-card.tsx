import { Component } from 'preact';
import type { OccupancyRow, Unit } from '../../schema';
import { rowChanges } from './occupancy-rows';
import { changeWords, type OccupancyI18n } from './occupancy-summary';
import { lenientRow, parseWholeNumber, type RowDraft, type RowField, type RowProblem, type RowProblems } from './row-draft';

export interface RowCardProps {
  draft: RowDraft;
  code: string;
  unitStatus: Unit['status'] | null;
  /** Last month's row of this unit; undefined with `compare` means the unit is new to the report. */
  previous: OccupancyRow | undefined;
  /** Whether there is a last month's report to compare with. */
  compare: boolean;
  problems: RowProblems | undefined;
  onChange(unitId: string, patch: Partial<RowDraft>): void;
  i18n: OccupancyI18n;
}

export const rowFieldId = (unitId: string, field: RowField | 'occupied') => `occupancy-${unitId}-${field}`;

function problemWords(problem: RowProblem, i18n: OccupancyI18n): string {
  return 'max' in problem ? i18n.m(`problem.${problem.code}`, { max: i18n.formatNumber(problem.max) }) : i18n.m(`problem.${problem.code}`);
}

/**
 * One unit's line of the report as a card (a table would not fit 360 px). A site has about a
 * hundred units: a keystroke renders again only the card whose row it changed.
 */
export class OccupancyRowCard extends Component<RowCardProps> {
  override shouldComponentUpdate(next: RowCardProps) {
    const p = this.props;
    return (
      next.draft !== p.draft ||
      next.code !== p.code ||
      next.unitStatus !== p.unitStatus ||
      next.previous !== p.previous ||
      next.compare !== p.compare ||
      next.problems !== p.problems ||
      next.onChange !== p.onChange ||
      next.i18n !== p.i18n
    );
  }

  override render({ draft, code, unitStatus, previous, compare, problems, onChange, i18n }: RowCardProps) {
    const { m, t, formatRupiah } = i18n;
    const id = draft.unitId;
    const changes = compare ? rowChanges(lenientRow(draft), previous) : [];
    const amount = parseWholeNumber(draft.arrearsAmount, true);

    const numberField = (field: Exclude<RowField, 'issues'>, hint?: string) => {
      const problem = problems?.[field];
      const hintId = hint ? `${rowFieldId(id, field)}-hint` : '';
      const problemId = problem ? `${rowFieldId(id, field)}-problem` : '';
      return (
        <div class={`field occupancy-row__${field}`}>
          <label for={rowFieldId(id, field)}>{m(`field.${field}`)}</label>
          <input
            id={rowFieldId(id, field)}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={draft[field]}
            onInput={(e) => onChange(id, { [field]: e.currentTarget.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[problemId, hintId].filter(Boolean).join(' ') || undefined}
          />
          {problem && (
            <p id={problemId} class="field__problem">
              {problemWords(problem, i18n)}
            </p>
          )}
          {hint && (
            <p id={hintId} class="field__hint">
              {hint}
            </p>
          )}
        </div>
      );
    };

    const issuesProblem = problems?.issues;
    return (
      <li class="occupancy-row">
        <fieldset class="occupancy-row__set">
          <legend class="occupancy-row__code">{code}</legend>
          {/* Only a status that says more than the checkbox: under repair, reserved, unavailable. */}
          {unitStatus && unitStatus !== 'occupied' && unitStatus !== 'available' && <span class={`status status--${unitStatus}`}>{t(`status.${unitStatus}`)}</span>}
          <label class="occupancy-row__occupied">
            <input
              id={rowFieldId(id, 'occupied')}
              type="checkbox"
              checked={draft.occupied}
              onChange={(e) => {
                const occupied = e.currentTarget.checked;
                // A unit left vacant has no occupants; one taken again starts from last month's count.
                const occupants = occupied ? (draft.occupants === '0' && previous?.occupied ? String(previous.occupants) : draft.occupants) : '0';
                onChange(id, { occupied, occupants });
              }}
            />{' '}
            {m('field.occupied')}
          </label>
          <div class="occupancy-row__numbers">
            {numberField('occupants')}
            {numberField('arrearsMonths')}
            {numberField('arrearsAmount', typeof amount === 'number' && amount > 0 ? formatRupiah(amount) : undefined)}
          </div>
          <div class="field occupancy-row__issues">
            <label for={rowFieldId(id, 'issues')}>{m('field.issues')}</label>
            <input
              id={rowFieldId(id, 'issues')}
              type="text"
              value={draft.issues}
              onInput={(e) => onChange(id, { issues: e.currentTarget.value })}
              aria-invalid={issuesProblem ? true : undefined}
              aria-describedby={issuesProblem ? `${rowFieldId(id, 'issues')}-problem` : undefined}
            />
            {issuesProblem && (
              <p id={`${rowFieldId(id, 'issues')}-problem`} class="field__problem">
                {problemWords(issuesProblem, i18n)}
              </p>
            )}
          </div>
          {changes.length > 0 && (
            <p class="occupancy-row__changes">
              <span class="visually-hidden">{m('change.label', { code })}: </span>
              {changes.map((change) => changeWords(change, i18n)).join('; ')}
            </p>
          )}
        </fieldset>
      </li>
    );
  }
}
