import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useFeatureMessages } from '../i18n/feature-messages';
import { gpsTimeoutMs, lowAccuracyM, requestGpsPosition, type GpsFailure, type GpsPosition } from './gps-position';
import { inspectionMessages } from './inspection-messages';

interface GpsFieldProps {
  position: GpsPosition | null;
  onChange(position: GpsPosition | null): void;
}

type Lookup = { state: 'idle' } | { state: 'locating' } | { state: 'found' } | { state: 'cleared' } | { state: 'failed'; failure: GpsFailure };

/**
 * The inspection's position, taken when the officer asks (never on opening the form: a permission
 * prompt out of the blue gets refused). GPS needs no network, so this works offline.
 */
export function GpsField({ position, onChange }: GpsFieldProps) {
  const { m, lang, formatNumber } = useFeatureMessages(inspectionMessages);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  // A request answered after the form is gone, or after a newer one, is ignored.
  const latest = useRef(0);
  useEffect(() => () => void (latest.current = -1), []);
  const degrees = useMemo(() => new Intl.NumberFormat(lang, { minimumFractionDigits: 6, maximumFractionDigits: 6 }), [lang]);

  function locate() {
    if (lookup.state === 'locating') return;
    const request = ++latest.current;
    setLookup({ state: 'locating' });
    requestGpsPosition(
      (found) => {
        if (latest.current !== request) return;
        setLookup({ state: 'found' });
        onChange(found);
      },
      (failure) => {
        if (latest.current !== request) return;
        setLookup({ state: 'failed', failure });
      },
    );
  }

  function clear() {
    latest.current++;
    setLookup({ state: 'cleared' });
    onChange(null);
  }

  const accuracy = position?.accuracyM != null ? formatNumber(Math.round(position.accuracyM)) : '';
  const locating = lookup.state === 'locating';
  let status = '';
  if (lookup.state === 'locating') status = m('gps.locating');
  else if (lookup.state === 'found' && accuracy) status = m('gps.found', { accuracy });
  else if (lookup.state === 'cleared') status = m('gps.cleared');

  return (
    <fieldset class="gps">
      <legend>{m('gps.title')}</legend>
      {position ? (
        <dl class="gps__facts">
          <div>
            <dt>{m('gps.latitude')}</dt>
            <dd>{degrees.format(position.latitude)}</dd>
          </div>
          <div>
            <dt>{m('gps.longitude')}</dt>
            <dd>{degrees.format(position.longitude)}</dd>
          </div>
          {accuracy && (
            <div>
              <dt>{m('gps.accuracy')}</dt>
              <dd>{m('gps.accuracyValue', { accuracy })}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p class="gps__none">{m('gps.none')}</p>
      )}
      {position?.accuracyM != null && position.accuracyM > lowAccuracyM && <p class="field__hint">{m('gps.lowAccuracy')}</p>}
      {/* One polite region for progress and success; a failure is an alert of its own. */}
      <p class="gps__status" role="status">
        {status}
      </p>
      {lookup.state === 'failed' && (
        <p class="field__problem" role="alert">
          {lookup.failure === 'timeout' ? m('gps.timeout', { seconds: gpsTimeoutMs / 1000 }) : m(`gps.${lookup.failure}`)}
        </p>
      )}
      <div class="gps__actions">
        <button type="button" class="button button--quiet button--small" onClick={locate} aria-disabled={locating} aria-busy={locating}>
          {position ? m('gps.retake') : m('gps.take')}
        </button>
        {position && (
          <button type="button" class="button button--quiet button--small" onClick={clear}>
            {m('gps.clear')}
          </button>
        )}
      </div>
      <p class="field__hint">{m('gps.offlineNote')}</p>
    </fieldset>
  );
}
