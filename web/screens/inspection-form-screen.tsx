import { useAppServices } from '../app-services';
import { InspectionForm } from '../components/inspection-form';
import { readUnitDetail } from '../queries/unit-detail';
import { useSession } from '../queries/use-session';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { UnitMissing } from './unit-missing';

/** A new inspection of a unit. */
export function InspectionFormScreen({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { db } = useAppServices();
  const session = useSession();
  const detail = useLiveQuery(() => readUnitDetail(db, unitId), [db, unitId]);
  useDocumentTitle(t('inspection.title'));

  if (detail === undefined || session === undefined) return null;
  if (detail === null || session === null) return <UnitMissing />;
  const { unit, site } = detail;

  return (
    <div class="narrow">
      <h1>{t('inspection.title')}</h1>
      <p class="heading-context">
        {unit.code}
        {site && ` · ${site.name}`}
      </p>
      <InspectionForm unit={unit} session={session} />
    </div>
  );
}
