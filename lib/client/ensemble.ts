/** The ensemble dashboard's data: the live status and the hour of history, both polled while shown. */
import { queryOptions } from '@tanstack/react-query';
import type { EnsembleHistory, EnsembleStatus } from '@/lib/shared/ensemble';
import { connectionUrl, requestJson } from './api-client';
import { ensembleKeys } from './query-keys';

export type { EnsembleHistory, EnsembleSample, ServerSample } from '@/lib/shared/ensemble';

/** The server samples every 5 s; asking as often keeps its sampler alive and the charts current. */
export const ENSEMBLE_POLL_MS = 5_000;

/** Polled while a component shows it; never served from cache as fresh. */
function polledQuery<T>(queryKey: readonly unknown[], url: string) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => requestJson<T>(url, { signal }),
    refetchInterval: ENSEMBLE_POLL_MS,
    staleTime: 0,
  });
}

export const ensembleQuery = (connection: string) => polledQuery<EnsembleStatus>(ensembleKeys.status(connection), connectionUrl(connection, 'ensemble'));

/** The Connections page's glance at each ensemble: the same status, polled less often for dozens of them. */
export const ensembleGlanceQuery = (connection: string) => ({ ...ensembleQuery(connection), refetchInterval: 30_000, staleTime: 10_000, retry: false });

export const ensembleHistoryQuery = (connection: string) =>
  polledQuery<EnsembleHistory>(ensembleKeys.history(connection), connectionUrl(connection, 'ensemble/history'));

export type ChartMetric = 'latencyAvg' | 'outstanding' | 'connections' | 'znodes' | 'watches';

/** One chart row: the sample time and one value per server, keyed `s0`, `s1`, … in `history.servers` order. */
export type ChartPoint = { t: number } & Record<`s${number}`, number | null>;

/** Server addresses contain dots, which chart libraries read as property paths: series get index keys. */
export function seriesKey(index: number): `s${number}` {
  return `s${index}`;
}

/** The history as chart rows for one metric; a server missing from a sample (or down) is a gap. */
export function chartPoints(history: EnsembleHistory, metric: ChartMetric): ChartPoint[] {
  const index = new Map(history.servers.map((address, i) => [address, i]));
  return history.samples.map((sample) => {
    const point: ChartPoint = { t: sample.t };
    history.servers.forEach((_, i) => (point[seriesKey(i)] = null));
    for (const s of sample.servers) {
      const i = index.get(s.address);
      if (i !== undefined && s.reachable) point[seriesKey(i)] = s[metric];
    }
    return point;
  });
}

/** Axis ticks on the round 5 minutes (14:05, 14:10, …) inside the window ending at `end`. */
export function windowTicks(end: number, windowMs: number, stepMs = 5 * 60_000): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil((end - windowMs) / stepMs) * stepMs; t <= end; t += stepMs) ticks.push(t);
  return ticks;
}
