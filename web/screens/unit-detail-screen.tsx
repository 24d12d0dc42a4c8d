import { useAppServices } from '../app-services';
import { OfficeRecordHistory } from '../audit/office-record-history';
import { InspectionHistory } from '../components/inspection-history';
import { readUnitDetail } from '../queries/unit-detail';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { UnitMissing } from './unit-missing';

export function UnitDetailScreen({ unitId }: { unitId: string }) {
  const { t, formatNumber, formatRupiah } = useI18n();
  const { db } = useAppServices();
  const detail = useLiveQuery(() => readUnitDetail(db, unitId), [db, unitId]);
  useDocumentTitle(detail ? detail.unit.code : detail === null ? t('unit.notFound') : undefined);

  if (detail === undefined) return null;
  if (detail === null) return <UnitMissing />;
  const { unit, site } = detail;

  return (
    <>
      <h1>
        {unit.code}
        {site && <span class="heading-sub"> · {site.name}</span>}
      </h1>
      {site && <p class="address">{site.address}</p>}
      <dl class="facts">
        <div>
          <dt>{t('unit.status')}</dt>
          <dd>
            <span class={`status status--${unit.status}`}>{t(`status.${unit.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('unit.block')}</dt>
          <dd>{unit.block || '–'}</dd>
        </div>
        <div>
          <dt>{t('unit.floor')}</dt>
          <dd>{formatNumber(unit.floor)}</dd>
        </div>
        <div>
          <dt>{t('unit.size')}</dt>
          <dd>{formatNumber(unit.sizeM2)} m²</dd>
        </div>
        <div>
          <dt>{t('unit.rent')}</dt>
          <dd>{formatRupiah(unit.monthlyRent)}</dd>
        </div>
        <div>
          <dt>{t('unit.accessible')}</dt>
          <dd>{unit.accessible ? t('unit.yes') : t('unit.no')}</dd>
        </div>
      </dl>
      <p>
        <a class="button" href={paths.newInspection(unit.id)}>
          {t('unit.recordInspection')}
        </a>
      </p>
      <InspectionHistory unitId={unit.id} />
      <OfficeRecordHistory entity="units" recordId={unit.id} />
    </>
  );
}
