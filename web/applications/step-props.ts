import type { CapturedPhoto } from '../components/photo-capture';
import type { FeatureI18n } from '../i18n/feature-messages';
import type { ApplicationMessageKey } from './application-messages';
import type { FieldNotes } from './form-controls';
import type { ApplicationFormValues } from './form-values';

export type FormValues = ApplicationFormValues<CapturedPhoto>;

/** What every step of the application form gets from the form. */
export interface StepProps {
  values: FormValues;
  /** Changes some values; the form autosaves them and clears the problems of what changed. */
  update(change: (values: FormValues) => FormValues, changedPath: string): void;
  /** The problem and the office's comment for a form path, in words. */
  notes(path: string): FieldNotes;
  words: FeatureI18n<ApplicationMessageKey>;
}

/** The element id of a form path: members go by their stable key, so ids survive a removal. */
export function inputId(path: string, values: FormValues): string {
  const parts = path.split('.');
  if (parts[0] === 'members' && parts.length > 2) {
    const key = values.members[Number(parts[1])]?.key ?? parts[1];
    return `app-member-${key}-${parts.slice(2).join('-')}`;
  }
  if (path === 'members') return 'app-members-add';
  if (path === 'headIncome') return 'app-headIncome-kind';
  if (path === 'photos') return 'app-photos-id_card';
  return `app-${parts.join('-')}`;
}
