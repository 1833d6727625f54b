/**
 * Whether the dashboard server answers, apart from the ZooKeeper session it reports: every
 * request (api-client), the live stream and the browser's online/offline events feed it. While it
 * is down a probe retries with backoff; the first answer of any kind brings it back.
 */
import { createStore, type Store } from './live-store';

export type Reachability = 'reachable' | 'unreachable';

const PROBE_URL = '/api/v1/session';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10_000;

const store = createStore<Reachability>('reachable');
let retryMs = FIRST_RETRY_MS;
let timer: ReturnType<typeof setTimeout> | null = null;

export const reachability: Pick<Store<Reachability>, 'get' | 'subscribe'> = store;

/** Something answered: a response of any status shows the server is there. */
export function reportAnswered(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  retryMs = FIRST_RETRY_MS;
  store.set('reachable');
}

/** A request could not reach the server (or got no answer in time): probe until it answers. */
export function reportUnreachable(): void {
  store.set('unreachable');
  if (!timer) scheduleProbe();
}

/** Something failed that may or may not be the server gone (a stream ending): ask it now. */
export function checkReachable(): void {
  if (store.get() === 'unreachable') return;
  fetch(PROBE_URL, { cache: 'no-store' }).then(reportAnswered, reportUnreachable);
}

function scheduleProbe(): void {
  timer = setTimeout(() => void probe(), retryMs);
  retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
}

async function probe(): Promise<void> {
  timer = null;
  try {
    await fetch(PROBE_URL, { cache: 'no-store' });
    reportAnswered();
  } catch {
    if (store.get() === 'unreachable' && !timer) scheduleProbe();
  }
}

/** The browser's own network events: offline is known at once, online is worth a probe now. */
export function watchBrowserNetwork(): () => void {
  const offline = () => reportUnreachable();
  const online = () => {
    if (store.get() !== 'unreachable') return;
    if (timer) clearTimeout(timer);
    retryMs = FIRST_RETRY_MS;
    void probe();
  };
  if (!navigator.onLine) offline();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}
