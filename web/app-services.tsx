import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LocalDb, SyncOutcome } from '../worker';

/** What screens get from the entry point: the device database and a way to ask for a sync. */
export interface AppServices {
  db: LocalDb;
  /** Never awaited by a screen: sync runs behind the UI and reports through the meta store. */
  requestSync(): Promise<SyncOutcome>;
  /** Where the API lives (the page's own origin in production). */
  baseUrl: string;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices needs an <AppServicesContext.Provider> above it');
  return services;
}
