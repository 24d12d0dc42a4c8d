import { useEffect, useState } from 'preact/hooks';
import { useAppServices } from './app-services';

/** Whether a new version of the app is installed and waiting to take over. */
export function useUpdateWaiting(): boolean {
  const { onUpdateWaiting } = useAppServices();
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onUpdateWaiting(setWaiting), [onUpdateWaiting]);
  return waiting;
}
