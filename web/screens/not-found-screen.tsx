import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';

export function NotFoundScreen() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href={paths.home()}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
