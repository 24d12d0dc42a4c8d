import { useFeatureMessages } from '../i18n/feature-messages';
import { useNow } from '../use-now';
import type { ApiFailure } from './server-copy';
import { serverCopyMessages } from './server-copy-messages';
import type { ServerCopyState } from './use-server-copy';
import './server-copy.css';

/** A failure in words; `hasCopy` says whether the last copy is still on the screen. */
export function useFailureWords(): (failure: ApiFailure, hasCopy: boolean) => string {
  const { m } = useFeatureMessages(serverCopyMessages);
  return (failure, hasCopy) => {
    switch (failure.kind) {
      case 'offline':
        return hasCopy ? m('failure.offline') : m('failure.offlineNoCopy');
      case 'signedOut':
        return m('failure.signedOut');
      case 'forbidden':
        return m('failure.forbidden');
      case 'notFound':
        return m('failure.notFound');
      case 'refused':
        return m('failure.refused', { message: failure.message });
      case 'server':
        return m('failure.server', { status: failure.status });
    }
  };
}

/** "Updated <time>", a refresh button, and why the last refresh failed (announced politely). */
export function ServerCopyStatus({ state }: { state: ServerCopyState<unknown> }) {
  const { m, formatDateTime, formatRelative } = useFeatureMessages(serverCopyMessages);
  const failureWords = useFailureWords();
  const now = useNow(60_000);
  const { copy, refreshing, failure } = state;
  return (
    <div class="server-copy">
      <p class="server-copy__age">
        {copy
          ? m('copy.asOf', { time: formatDateTime(copy.fetchedAt), relative: formatRelative(copy.fetchedAt, now) })
          : refreshing
            ? m('copy.loading')
            : m('copy.none')}
      </p>
      <button type="button" class="button button--quiet button--small" onClick={() => void state.refresh()} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? m('copy.refreshing') : m('copy.refresh')}
      </button>
      <p class="status-message server-copy__failure" role="status">
        {failure && !refreshing ? failureWords(failure, Boolean(copy)) : ''}
      </p>
    </div>
  );
}
