import { useI18n } from '../i18n/i18n-context';

/** One button naming the other language, in that language, so a reader of either can find it. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <button type="button" class="button button--quiet" lang={other} onClick={() => setLang(other)}>
      {t('language.other')}
    </button>
  );
}
