import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n/i18n-context';

/**
 * A screen whose code loads when it is first shown, so that the officer's first screen (the units
 * list) does not wait for the code of forms and office screens. The service worker precaches
 * every chunk, so this works offline too. While loading it shows the same text as a loading query.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyScreen(props: P) {
    const { t } = useI18n();
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Screen) return;
      let current = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        (component) => current && setScreen(() => component),
        (error: unknown) => console.error('A screen failed to load', error),
      );
      return () => void (current = false);
    }, []);
    return Screen ? <Screen {...props} /> : <p class="empty">{t('app.loading')}</p>;
  };
}
