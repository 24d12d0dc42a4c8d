import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`, for texts like "5 minutes ago". */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
