import { useEffect, useState } from 'preact/hooks';

/**
 * A small History API router: the address bar is the only state, `navigate` changes it, and
 * `useLocationPath` re-renders on every change (ours, or the browser's back and forward).
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (to === current) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  // A new screen starts at its top, as a page load would.
  if (!options.replace) window.scrollTo(0, 0);
}

export function useLocationPath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    update(); // the path may have changed between the first render and this effect
    return () => void listeners.delete(update);
  }, []);
  return path;
}

/**
 * Turns clicks on ordinary same-origin links into client navigation, so links stay real
 * `<a href>` (open in a new tab, copy address) while the app does not reload.
 */
export function interceptLinkClicks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || !anchor.href || anchor.hasAttribute('download')) return;
  if (anchor.target && anchor.target !== '_self') return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return;
  // A link within the page (the skip link) keeps the browser's own scroll-and-focus behaviour.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

/** One query-string parameter of the address (e.g. the search screen's `q`), kept current. */
export function useSearchParam(name: string): string | null {
  const read = () => new URLSearchParams(location.search).get(name);
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, [name]);
  return value;
}
