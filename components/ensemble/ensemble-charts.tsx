'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat, type Format } from '@/lib/client/format';
import {
  chartPoints,
  ensembleHistoryQuery,
  ENSEMBLE_POLL_MS,
  seriesKey,
  windowTicks,
  type ChartMetric,
  type EnsembleHistory,
} from '@/lib/client/ensemble';
import { DataSection } from './data-section';
import { MetricPlot } from './metric-plot';
import { colorOf } from './plot-options';
import { PollError } from './poll-error';

const METRICS: ReadonlyArray<{ metric: ChartMetric; unit?: string }> = [
  { metric: 'latencyAvg', unit: 'ms' },
  { metric: 'outstanding' },
  { metric: 'connections' },
  { metric: 'znodes' },
  { metric: 'watches' },
];

type ChartsT = ReturnType<typeof useTranslations<'ensemble.charts'>>;

const fmtValue = (format: Format, v: number | null | undefined) => (v == null ? '—' : format.number(v));

/** The server's window (60 minutes) until its first answer says. */
const DEFAULT_WINDOW_MS = 60 * 60_000;

/** "a.b.c.d:2181 from 10 to 12 (latest 12)" for each server: what the lines show, in words. */
function describe(t: ChartsT, format: Format, title: string, windowMs: number, servers: readonly string[], columns: uPlot.AlignedData): string {
  const parts = servers.map((address, i) => {
    const values = (columns[i + 1] as (number | null)[]).filter((v): v is number => v != null);
    if (values.length === 0) return t('noValues', { address });
    const [min, max, latest] = [Math.min(...values), Math.max(...values), values[values.length - 1]].map((v) => fmtValue(format, v));
    return t('range', { address, min, max, latest });
  });
  const minutes = Math.round(windowMs / 60_000);
  return t('summary', { title, minutes, samples: columns[0].length, parts: parts.join('; ') });
}

interface MetricChartProps {
  history: EnsembleHistory;
  /** When the history arrived: the window's end until there is a sample to end it. */
  receivedAt: number;
  metric: ChartMetric;
  unit?: string;
}

function MetricChart({ history, receivedAt, metric, unit }: MetricChartProps) {
  const t = useTranslations('ensemble.charts');
  const format = useFormat();
  const title = t(`metrics.${metric}`);
  const points = useMemo(() => chartPoints(history, metric), [history, metric]);
  const columns = useMemo<uPlot.AlignedData>(() => [points.map((p) => p.t), ...history.servers.map((_, i) => points.map((p) => p[seriesKey(i)]))], [points, history.servers]);
  const latest = points.length ? points[points.length - 1] : null;
  const end = latest ? latest.t : receivedAt;
  const frame = useMemo(() => ({ domain: [end - history.windowMs, end] as [number, number], ticks: windowTicks(end, history.windowMs) }), [end, history.windowMs]);
  const id = `chart-${metric}`;
  return (
    <figure aria-labelledby={id} className="rounded-lg border border-border bg-panel p-3">
      <figcaption id={id} className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {title}
          {unit && <span className="text-muted">{t('unit', { unit })}</span>}
        </span>
        {latest && (
          <span className="flex flex-wrap justify-end gap-x-2 text-xs tabular-nums">
            <span className="sr-only">{t('latest')}</span>
            {history.servers.map((address, i) => (
              <span key={address} title={address} style={{ color: colorOf(i) }}>
                <span className="sr-only">{address} </span>
                {fmtValue(format, latest[seriesKey(i)])}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <MetricPlot data={columns} servers={history.servers} frame={frame} integer={metric !== 'latencyAvg'} summary={describe(t, format, title, history.windowMs, history.servers, columns)} />
    </figure>
  );
}

/** Per-server time series of the last hour, sampled by the server every 5 s since the connection's first visit. */
export function EnsembleCharts({ connection }: { connection: string }) {
  const t = useTranslations('ensemble.charts');
  const history = useQuery(ensembleHistoryQuery(connection));
  const data = history.data;
  return (
    <DataSection
      id="charts-heading"
      title={t('window', { minutes: Math.round((data?.windowMs ?? DEFAULT_WINDOW_MS) / 60_000) })}
      tools={
        data &&
        data.servers.length > 0 && (
          <ul aria-label={t('legend')} className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-xs">
            {data.servers.map((address, i) => (
              <li key={address} className="flex items-center gap-1.5 font-mono">
                <span aria-hidden className="inline-block h-0.5 w-4 rounded" style={{ background: colorOf(i) }} />
                {address}
              </li>
            ))}
          </ul>
        )
      }
    >
      {history.error && <PollError error={history.error} retryMs={ENSEMBLE_POLL_MS} stale={Boolean(data)} />}
      {!data ? (
        !history.error && (
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-5">
            {METRICS.map((m) => (
              <Skeleton key={m.metric} className="h-[218px]" />
            ))}
          </div>
        )
      ) : (
        <>
          {data.samples.length < 2 && (
            <p role="status" className="text-sm text-muted">
              {t('collecting', { seconds: data.intervalMs / 1000 })}
            </p>
          )}
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-5">
            {METRICS.map((m) => (
              <MetricChart key={m.metric} history={data} receivedAt={history.dataUpdatedAt} {...m} />
            ))}
          </div>
        </>
      )}
    </DataSection>
  );
}
