import { useEffect, useState } from 'preact/hooks';
import { uuidv7, type Inspection, type Unit } from '../../schema';
import type { LocalDb, Session } from '../../worker';
import { useAppServices } from '../app-services';
import { defaultInspectionType } from '../i18n/inspection-type-key';
import { checklistFormOf } from '../inspections/checklist-form';
import { inspectionDraftId, readInspectionDraft, type InspectionFormValues } from '../inspections/inspection-draft';
import { InspectionFormFields, type DraftNotice } from '../inspections/inspection-form-fields';
import type { PhotosByItem } from '../inspections/save-inspection-photos';
import { todayLocalDate } from '../local-date';
import { capturedPhotoOf, readAttachmentsOf } from '../photos/attachments-of';
import '../inspections/inspections.css';

interface InspectionFormProps {
  unit: Unit;
  session: Session;
  /** The inspection being changed; a new one is recorded without it. */
  editing?: Inspection;
}

/** The form's values of a recorded inspection, or of a new one. */
function valuesOf(editing: Inspection | undefined, photos: PhotosByItem): InspectionFormValues {
  if (!editing) {
    return { recordId: uuidv7(), type: defaultInspectionType, inspectedOn: todayLocalDate(), conditionRating: '', notes: '', position: null, checklist: {}, photos: {} };
  }
  const { latitude, longitude, gpsAccuracyM } = editing;
  return {
    recordId: editing.id,
    type: editing.type,
    inspectedOn: editing.inspectedOn,
    conditionRating: String(editing.conditionRating),
    notes: editing.notes,
    position: latitude !== null && longitude !== null ? { latitude, longitude, accuracyM: gpsAccuracyM } : null,
    checklist: checklistFormOf(editing.checklist, editing.inspectedOn),
    photos,
  };
}

/** The device's inspection photos of a record, by checklist item. */
async function readSavedPhotos(db: LocalDb, inspectionId: string): Promise<PhotosByItem> {
  const photos: PhotosByItem = {};
  for (const attachment of await readAttachmentsOf(db, { inspectionId }, { kind: 'inspection_photo' })) {
    const key = attachment.itemKey ?? '';
    (photos[key] ??= []).push(capturedPhotoOf(attachment));
  }
  return photos;
}

interface Loaded {
  initial: InspectionFormValues;
  savedPhotos: PhotosByItem;
  notice: DraftNotice;
}

/**
 * The inspection form, for a new inspection or a change of one. It is mounted once its record is
 * read, and keeps what the person types even when a sync rewrites that record meanwhile. What was
 * typed and not saved (the app closed, the phone killed it) comes back from the user's draft.
 */
export function InspectionForm({ unit, session, editing }: InspectionFormProps) {
  const { db } = useAppServices();
  const draftId = inspectionDraftId(unit.id, editing?.id);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);

  // Read once, not live: the form's own draft writes must not re-render it.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const draft = await readInspectionDraft(db, draftId, session.user.id);
      const recordId = draft?.values.recordId ?? editing?.id;
      const savedPhotos = recordId ? await readSavedPhotos(db, recordId) : {};
      if (cancelled) return;
      setLoaded(
        draft
          ? { initial: draft.values, savedPhotos, notice: { kind: 'restored', updatedAt: draft.updatedAt } }
          : { initial: valuesOf(editing, savedPhotos), savedPhotos, notice: null },
      );
    })();
    return () => void (cancelled = true);
    // The record is read when the form mounts; the edit screen keys the form by the record's id.
  }, [db, draftId, session.user.id]);

  if (!loaded) return null;

  function startOver() {
    // A new inspection starts over under a new id, with none of the old id's photos to measure against.
    setLoaded((current) => {
      const savedPhotos = editing && current ? current.savedPhotos : {};
      return { initial: valuesOf(editing, savedPhotos), savedPhotos, notice: { kind: 'discarded' } };
    });
    setGeneration((g) => g + 1);
  }

  return (
    <InspectionFormFields
      key={generation}
      unit={unit}
      session={session}
      editing={editing}
      draftId={draftId}
      initial={loaded.initial}
      savedPhotos={loaded.savedPhotos}
      draftNotice={loaded.notice}
      onDiscardDraft={startOver}
    />
  );
}
