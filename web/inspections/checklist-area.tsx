import type { ChecklistArea as Area } from '../../schema';
import type { CapturedPhoto } from '../components/photo-capture';
import { useFeatureMessages } from '../i18n/feature-messages';
import { areaKeys, areaProgress, emptyChecklistItem, type ChecklistForm, type ChecklistItemForm, type ChecklistProblems } from './checklist-form';
import { ChecklistItem } from './checklist-item';
import { areaMessageKey, inspectionMessages } from './inspection-messages';

interface ChecklistAreaProps {
  area: Area;
  checklist: ChecklistForm;
  photos: Record<string, CapturedPhoto[]>;
  inspectedOn: string;
  editing: boolean;
  problems: ChecklistProblems;
  expanded: boolean;
  onToggle(area: Area): void;
  onChange(itemKey: string, patch: Partial<ChecklistItemForm>): void;
  onPhotos(itemKey: string, photos: CapturedPhoto[]): void;
}

/**
 * One area of the checklist (the unit, the building, outside). Its heading is a disclosure button
 * (the ARIA pattern, not <details>: a heading inside <summary> loses its role in some screen
 * readers), so an officer on a phone can fold away an area once it is done.
 */
export function ChecklistAreaFieldset(props: ChecklistAreaProps) {
  const { area, checklist, photos, expanded, onToggle } = props;
  const { m } = useFeatureMessages(inspectionMessages);
  const progress = areaProgress(checklist, area);
  const itemsId = `check-area-${area}`;

  return (
    <fieldset class="check-area">
      <legend class="check-area__legend">
        <h3 class="check-area__heading">
          <button type="button" class="check-area__toggle" aria-expanded={expanded} aria-controls={itemsId} onClick={() => onToggle(area)}>
            {m(areaMessageKey(area))}
          </button>
        </h3>
      </legend>
      <p class="check-area__progress">
        {m('area.progress', { rated: progress.rated, total: progress.total })}
        {progress.problems > 0 && ` · ${m('area.problems', { count: progress.problems })}`}
      </p>
      <div id={itemsId} class="check-area__items" hidden={!expanded}>
        {areaKeys(area).map((key) => (
          <ChecklistItem
            key={key}
            itemKey={key}
            item={checklist[key] ?? emptyChecklistItem}
            photos={photos[key] ?? []}
            inspectedOn={props.inspectedOn}
            editing={props.editing}
            problems={props.problems[key]}
            onChange={props.onChange}
            onPhotos={props.onPhotos}
          />
        ))}
      </div>
    </fieldset>
  );
}
