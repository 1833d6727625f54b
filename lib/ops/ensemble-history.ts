import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import type { EnsembleHistory, EnsembleSample, EnsembleStatus } from '@/lib/shared/ensemble';

/**
 * Per-connection time series of the ensemble's vital signs for the dashboard charts. A sampler
 * polls while someone uses the connection: any visit (keepSampling: the page header's session
 * poll) or asking for the history starts it, and it stops once nobody has come for `idleMs`, so
 * the charts open filled with the time since the first visit. Each keeps a fixed ring of one
 * window's samples. Samplers are one per process (processSingleton), so a Next.js hot reload does
 * not start a second timer for the same connection.
 */

export interface HistoryOptions {
  /** Default 5 s. */
  intervalMs?: number;
  /** Default 60 min. */
  windowMs?: number;
  /** Stop polling when nobody came for this long. Default 10 min. */
  idleMs?: number;
}

export const HISTORY_INTERVAL_MS = 5_000;
export const HISTORY_WINDOW_MS = 60 * 60_000;
const HISTORY_IDLE_MS = 10 * 60_000;

type Probe = () => Promise<EnsembleStatus>;

interface Sampler {
  probe: Probe;
  intervalMs: number;
  windowMs: number;
  idleMs: number;
  /** Ring buffer: `size` samples ending just before `next`. */
  ring: Array<EnsembleSample | undefined>;
  next: number;
  size: number;
  lastAskedAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  /** The poll under way, so the first answer can wait for its sample. */
  polling: Promise<void> | null;
}

const store = processSingleton('ensembleHistory', () => new Map<string, Sampler>());

export function toSample(status: EnsembleStatus, t = Date.now()): EnsembleSample {
  return {
    t,
    status: status.health.status,
    servers: status.servers
      .filter((s) => s.queried)
      .map((s) => ({
        address: s.address,
        reachable: s.reachable,
        mode: s.mode,
        latencyAvg: s.latency?.avg ?? null,
        latencyMax: s.latency?.max ?? null,
        outstanding: s.outstanding,
        connections: s.connections,
        znodes: s.znodes,
        watches: s.watches,
      })),
  };
}

function push(sampler: Sampler, sample: EnsembleSample): void {
  sampler.ring[sampler.next] = sample;
  sampler.next = (sampler.next + 1) % sampler.ring.length;
  sampler.size = Math.min(sampler.size + 1, sampler.ring.length);
}

function samplesOf(sampler: Sampler, now: number): EnsembleSample[] {
  const out: EnsembleSample[] = [];
  const cap = sampler.ring.length;
  for (let i = sampler.size; i > 0; i--) {
    const s = sampler.ring[(sampler.next - i + cap) % cap];
    if (s && now - s.t <= sampler.windowMs) out.push(s);
  }
  return out;
}

async function tick(key: string, sampler: Sampler): Promise<void> {
  sampler.timer = null;
  if (store.get(key) !== sampler || !sampler.running) return;
  if (Date.now() - sampler.lastAskedAt > sampler.idleMs) {
    sampler.running = false;
    return;
  }
  const started = Date.now();
  sampler.polling = sampler
    .probe()
    .then(
      (status) => push(sampler, toSample(status, started)),
      (e: unknown) => push(sampler, { t: started, status: null, error: e instanceof Error ? e.message : String(e), servers: [] }),
    )
    .finally(() => (sampler.polling = null));
  await sampler.polling;
  if (!sampler.running || store.get(key) !== sampler) return;
  // Scheduled from the start of this poll so a slow ensemble does not stretch the interval.
  sampler.timer = setTimeout(() => void tick(key, sampler), Math.max(0, sampler.intervalMs - (Date.now() - started)));
  sampler.timer.unref?.();
}

/** Keeps the sampler of `key` (a connection id) polling `probe` for another `idleMs`, starting it if needed. */
export function keepSampling(key: string, probe: Probe, options: HistoryOptions = {}): Sampler {
  const intervalMs = options.intervalMs ?? HISTORY_INTERVAL_MS;
  const windowMs = options.windowMs ?? HISTORY_WINDOW_MS;
  const idleMs = options.idleMs ?? HISTORY_IDLE_MS;
  let sampler = store.get(key);
  if (!sampler || sampler.intervalMs !== intervalMs || sampler.windowMs !== windowMs) {
    if (sampler) stop(sampler);
    sampler = {
      probe,
      intervalMs,
      windowMs,
      idleMs,
      ring: new Array(Math.ceil(windowMs / intervalMs) + 1),
      next: 0,
      size: 0,
      lastAskedAt: 0,
      timer: null,
      running: false,
      polling: null,
    };
    store.set(key, sampler);
  }
  sampler.probe = probe;
  sampler.idleMs = idleMs;
  sampler.lastAskedAt = Date.now();
  if (!sampler.running) {
    sampler.running = true;
    void tick(key, sampler);
  }
  return sampler;
}

/**
 * The samples of the last window for `key`, keeping its sampler polling (keepSampling). A sampler
 * just started answers once its first poll has (a chart then opens with a point, not empty).
 */
export async function getEnsembleHistory(key: string, probe: Probe, options: HistoryOptions = {}): Promise<EnsembleHistory> {
  const sampler = keepSampling(key, probe, options);
  if (sampler.size === 0) await sampler.polling;
  const samples = samplesOf(sampler, Date.now());
  const servers = [...new Set(samples.flatMap((s) => s.servers.map((x) => x.address)))];
  return { intervalMs: sampler.intervalMs, windowMs: sampler.windowMs, servers, samples };
}

/** How many samples `key`'s ring holds now and at most: the bound on its memory. */
export function historyFill(key: string): { stored: number; capacity: number } | undefined {
  const sampler = store.get(key);
  return sampler && { stored: sampler.size, capacity: sampler.ring.length };
}

/** True while a sampler for `key` is polling. */
export function isSampling(key: string): boolean {
  return store.get(key)?.running ?? false;
}

function stop(sampler: Sampler): void {
  sampler.running = false;
  if (sampler.timer) clearTimeout(sampler.timer);
  sampler.timer = null;
}

/** Stops and forgets the sampler for `key` (a removed connection), or all of them. */
export function stopEnsembleHistory(key?: string): void {
  for (const [k, sampler] of store) {
    if (key !== undefined && k !== key) continue;
    stop(sampler);
    store.delete(k);
  }
}
