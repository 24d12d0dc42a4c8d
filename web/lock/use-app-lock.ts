import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';
import { markActive, mustUnlock } from './idle-lock';

/**
 * Whether the signed-in app is locked, and a way to unlock it. Locked at start and on coming back
 * after the idle limit, if the device holds a password verifier (every sign-in since it existed).
 */
export function useAppLock(session: Session | null | undefined): { locked: boolean; unlocked(): void } {
  const { db } = useAppServices();
  const signedIn = Boolean(session);
  // Signing in on this page just checked the password with the server: no need to ask again.
  const signedInHere = useRef(false);
  if (session === null) signedInHere.current = true;
  const hasVerifier = useLiveQuery(async () => (await db.getMeta('unlock')) !== undefined, [db]);
  const [away, setAway] = useState(() => mustUnlock());
  // While the verifier is being read, locked too: no household data may flash before the lock.
  const locked = signedIn && hasVerifier !== false && away && !signedInHere.current;

  useEffect(() => {
    if (!signedIn || locked) return;
    markActive();
    let last = 0;
    // Throttled: localStorage writes are synchronous.
    const active = () => {
      const now = Date.now();
      if (now - last > 10_000) markActive((last = now));
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') markActive();
      else if (mustUnlock()) {
        signedInHere.current = false;
        setAway(true);
      }
    };
    document.addEventListener('pointerdown', active, { passive: true });
    document.addEventListener('keydown', active);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      document.removeEventListener('pointerdown', active);
      document.removeEventListener('keydown', active);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [signedIn, locked]);

  const unlocked = useCallback(() => {
    markActive();
    setAway(false);
  }, []);
  return { locked, unlocked };
}
