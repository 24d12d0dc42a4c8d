import { useEffect } from 'preact/hooks';

/** Names the screen in the tab and in the history list; screen readers announce it too. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Hunian` : 'Hunian';
  }, [title]);
}
