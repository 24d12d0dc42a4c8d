import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';

type ChartInstance = InstanceType<Awaited<typeof import('./chart-setup')>['Chart']>;

interface Props {
  /** Everything the chart shows, in words: the canvas is an image to a screen reader. */
  label: string;
  config: ChartConfiguration<'line' | 'bar', (number | null)[], string>;
  loadingText: string;
  failedText: string;
}

/**
 * A chart.js canvas. The library is loaded on first use, so the dashboard's numbers (and its
 * tables, the accessible version of every chart) show before it arrives, and it never joins the
 * first load. A later config updates the same chart rather than drawing a new one.
 */
export function DashboardChart({ label, config, loadingText, failedText }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  // The figures are re-read while a sync writes (every few hundred milliseconds at times): a chart
  // redrawn with the same numbers must not flicker, so an unchanged config changes nothing.
  const drawn = useRef('');
  useEffect(() => {
    let stopped = false;
    const key = JSON.stringify(config.data) + JSON.stringify(config.options ?? {});
    // No animation: a chart that moves each time the numbers refresh is noise, not information.
    const options = { ...config.options, animation: false as const };
    if (chart.current) {
      if (drawn.current === key) return;
      drawn.current = key;
      chart.current.data = config.data;
      chart.current.options = options;
      chart.current.update();
      return;
    }
    import('./chart-setup')
      .then(({ Chart }) => {
        if (stopped || !canvas.current) return;
        drawn.current = key;
        chart.current = new Chart(canvas.current, { ...config, options } as ChartConfiguration) as ChartInstance;
        setState('ready');
      })
      .catch((error: unknown) => {
        console.error('The chart could not be loaded', error);
        if (!stopped) setState('failed');
      });
    return () => {
      stopped = true;
    };
  }, [config]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div class="dashboard-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'loading' && <p class="note dashboard-chart__status">{loadingText}</p>}
      {state === 'failed' && <p class="note dashboard-chart__status">{failedText}</p>}
    </div>
  );
}
