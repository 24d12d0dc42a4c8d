import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LocalDb, SyncOutcome } from '../worker';

/** What screens get from the entry point: the device database, a way to ask for a sync, app updates. */
export interface AppServices {
  db: LocalDb;
  /** Never awaited by a screen: sync runs behind the UI and reports through the meta store. */
  requestSync(): Promise<SyncOutcome>;
  /** Where the API lives (the page's own origin in production). */
  baseUrl: string;
  /**
   * Calls back at once and on every change with whether a new app version is installed and
   * waiting (it waits while changes are unsent, S19); returns an unsubscribe.
   */
  onUpdateWaiting(listener: (waiting: boolean) => void): () => void;
  /** Lets the waiting version take over; the page reloads itself when it does. */
  applyUpdate(): void;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices needs an <AppServicesContext.Provider> above it');
  return services;
}
