import type { ComponentChildren } from 'preact';
import type { Rejection } from '../../schema';
import { id } from '../i18n/id';
import { useI18n, type I18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/id';
import './rejection-notice.css';

/** The server's reason in the user's language when its code is known; its own words otherwise. */
function reasonText(rejection: Rejection, t: I18n['t']): string {
  const key = `rejection.${rejection.code}`;
  return (id as Record<string, string>)[key] !== undefined ? t(key as MessageKey) : rejection.message || rejection.code;
}

/**
 * Why the server refused a change (S15), shown on its record. Not a live region: it is read with
 * the record, and the sync bar's count already announces that something was refused.
 */
export function RejectionNotice({ rejection, id, children }: { rejection: Rejection; id?: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="rejection">
      <p class="rejection__reason" id={id}>
        <svg class="rejection__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M10 1.5 19 18H1z" fill="currentColor" />
          <path d="M10 7v5" stroke="#fff" stroke-width="2" stroke-linecap="round" />
          <circle cx="10" cy="15" r="1.2" fill="#fff" />
        </svg>
        <span>{t('unit.rejected', { message: reasonText(rejection, t) })}</span>
      </p>
      {children}
    </div>
  );
}
