import { useAppServices } from '../app-services';
import { InspectionForm } from '../components/inspection-form';
import { RejectionNotice } from '../components/rejection-notice';
import { readInspectionToEdit } from '../queries/inspection-to-edit';
import { useSession } from '../queries/use-session';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';

function InspectionMissing() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('inspection.notFound')}</h1>
      <p>{t('inspection.notOnDevice')}</p>
      <p>
        <a href={paths.home()}>{t('notFound.home')}</a>
      </p>
    </>
  );
}

/** A change of a recorded inspection; also how a change the server refused is fixed (S15). */
export function InspectionEditScreen({ unitId, inspectionId }: { unitId: string; inspectionId: string }) {
  const { t, formatDate } = useI18n();
  const { db } = useAppServices();
  const session = useSession();
  const found = useLiveQuery(() => readInspectionToEdit(db, unitId, inspectionId), [db, unitId, inspectionId]);
  useDocumentTitle(found === null ? t('inspection.notFound') : t('inspection.editTitle'));

  if (found === undefined || session === undefined) return null;
  if (found === null || session === null) return <InspectionMissing />;
  const { unit, site, inspection, rejection } = found;

  return (
    <div class="narrow">
      <h1>{t('inspection.editTitle')}</h1>
      <p class="heading-context">
        {unit.code}
        {site && ` · ${site.name}`} · {formatDate(inspection.inspectedOn)}
      </p>
      {rejection && <RejectionNotice rejection={rejection} />}
      {/* Keyed by the record: the form reads it once, and keeps what is typed while syncs rewrite it. */}
      <InspectionForm key={inspection.id} unit={unit} session={session} editing={inspection} />
    </div>
  );
}
