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

  useEffect(() => {
    let stopped = false;
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const options = { ...config.options, animation: reducedMotion ? (false as const) : config.options?.animation };
    if (chart.current) {
      chart.current.data = config.data;
      chart.current.options = options;
      chart.current.update();
      return;
    }
    import('./chart-setup')
      .then(({ Chart }) => {
        if (stopped || !canvas.current) return;
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
