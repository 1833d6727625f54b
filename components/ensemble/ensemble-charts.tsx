'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Skeleton } from '@/components/ui/skeleton';
import {
  chartPoints,
  ensembleHistoryQuery,
  ENSEMBLE_POLL_MS,
  formatMetric,
  seriesKey,
  windowTicks,
  type ChartMetric,
  type EnsembleHistory,
} from '@/lib/client/ensemble';
import { DataSection } from './data-section';
import { PollError } from './poll-error';

const METRICS: ReadonlyArray<{ metric: ChartMetric; title: string; unit?: string }> = [
  { metric: 'latencyAvg', title: 'Average latency', unit: 'ms' },
  { metric: 'outstanding', title: 'Outstanding requests' },
  { metric: 'connections', title: 'Connections' },
  { metric: 'znodes', title: 'Znodes' },
  { metric: 'watches', title: 'Watches' },
];

/** Mid-lightness hues that keep their contrast on both the light and the dark background. */
const SERIES_COLORS = ['#3b82f6', '#10b981', '#a855f7', '#ec4899', '#06b6d4', '#f97316', '#84cc16', '#6366f1', '#14b8a6'];

const fmtValue = (v: number | null) => (v == null ? '—' : formatMetric(v));

const colorOf = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];

const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const clockSeconds = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const compact = (v: number) => new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(v);

function MetricChart({ history, metric, title, unit }: { history: EnsembleHistory; metric: ChartMetric; title: string; unit?: string }) {
  const points = useMemo(() => chartPoints(history, metric), [history, metric]);
  const end = points.length ? points[points.length - 1].t : Date.now();
  const latest = points.length ? points[points.length - 1] : null;
  const id = `chart-${metric}`;
  return (
    <figure aria-labelledby={id} className="rounded-lg border border-border bg-panel p-3">
      <figcaption id={id} className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {title}
          {unit && <span className="text-muted"> ({unit})</span>}
        </span>
        {latest && (
          <span className="flex flex-wrap justify-end gap-x-2 text-xs tabular-nums">
            <span className="sr-only">Latest:</span>
            {history.servers.map((address, i) => (
              <span key={address} title={address} style={{ color: colorOf(i) }}>
                <span className="sr-only">{address} </span>
                {fmtValue(latest[seriesKey(i)])}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <div className="text-muted">
        <LineChart responsive data={points} style={{ width: '100%', height: 170 }} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[end - history.windowMs, end]}
            ticks={windowTicks(end, history.windowMs)}
            tickFormatter={clock}
            tick={{ fill: 'currentColor', fontSize: 11 }}
            stroke="currentColor"
            strokeOpacity={0.3}
          />
          <YAxis width={44} allowDecimals={metric === 'latencyAvg'} tickFormatter={compact} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.3} />
          <Tooltip
            labelFormatter={(t) => clockSeconds(Number(t))}
            formatter={(v) => formatMetric(Number(v))}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--fg)', fontSize: 12 }}
            labelStyle={{ color: 'var(--muted)' }}
          />
          {history.servers.map((address, i) => (
            <Line
              key={address}
              dataKey={seriesKey(i)}
              name={address}
              stroke={colorOf(i)}
              strokeWidth={2}
              // Until a few samples exist a line has nothing to join: show the points themselves.
              dot={points.length < 4 ? { r: 2.5 } : false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
}

/** Per-server time series over the last 15 minutes, sampled by the server every 5 s while someone looks. */
export function EnsembleCharts({ connection }: { connection: string }) {
  const history = useQuery(ensembleHistoryQuery(connection));
  const data = history.data;
  return (
    <DataSection
      id="charts-heading"
      title="Last 15 minutes"
      tools={
        data &&
        data.servers.length > 0 && (
          <ul aria-label="Chart legend" className="ml-auto flex flex-wrap gap-x-4 gap-y-1 text-xs">
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
              Collecting samples: a new point every {data.intervalMs / 1000} s while this page is open.
            </p>
          )}
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-5">
            {METRICS.map((m) => (
              <MetricChart key={m.metric} history={data} {...m} />
            ))}
          </div>
        </>
      )}
    </DataSection>
  );
}
