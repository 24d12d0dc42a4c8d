import { render } from 'preact';
import { createSyncClient, LocalDb } from '../worker';
import { App } from './app';
import { AppServicesContext, type AppServices } from './app-services';
import { I18nProvider } from './i18n/i18n-context';
import './styles.css';

const db = new LocalDb();
// A newer version of the app (in another tab, or the service worker) is upgrading the database:
// this page's code no longer matches it, so load the new code.
db.on('versionchange', () => {
  location.reload();
});

const syncClient = createSyncClient(db, location.origin);
syncClient.start();

const services: AppServices = {
  db,
  requestSync: syncClient.requestSync,
  baseUrl: location.origin,
  onUpdateWaiting: syncClient.onUpdateWaiting,
  applyUpdate: syncClient.applyUpdate,
};

render(
  <AppServicesContext.Provider value={services}>
    <I18nProvider>
      <App />
    </I18nProvider>
  </AppServicesContext.Provider>,
  document.getElementById('app')!,
);
