/**
 * Soak of the live streams (issue 14): against the built app and a ZooKeeper of its own, both on
 * loopback, 300 event streams subscribe to 5,000 nodes each (1.5 million subscriptions, one
 * ZooKeeper watch per node), then are churned: a third of them closed and reopened, three waves.
 * A probe reads one node through the API every 50 ms throughout. Reported, before, during and
 * after: the probe's p50/p99, the app server's RSS, and the server's watch count (after: once
 * every stream is gone, it must be back at its baseline).
 *
 * Opt-in (`npm run bench -- soak`, several minutes). 1.5 million subscriptions exceed the default
 * caps (bench/soak.ts runs the app with them raised for one operator session: every stream comes
 * from this one local-mode client, as 300 tabs of one operator would; lib/services/live/limits.ts).
 */
import { ZkSession } from '@/lib/zk/session';
import { multi } from '@/lib/zk/multi';
import { mapLimit } from '@/lib/zk/map-limit';
import { ensureBuild } from '@/scripts/lib/next-build';
import { startApp, type AppServer } from '@/scripts/lib/app-server';
import { watchCount } from '@/scripts/lib/zk-server';
import { percentile, rssMb } from './measure';
import { openEventStream } from './sse-client';

const STREAMS = 300;
const NODES = 5000;
const WAVES = 3;
const PER_WAVE = 100;
const PER_REQUEST = 1000;
const PROBE_EVERY_MS = 50;
/** Streams opened (and subscribed) at once. */
const OPENING = 8;
const GRACE_MS = 1000;
const DORMANT_MS = 1000;
/** The soak (once the app is up) gives up churning and waiting after this long. */
const DEADLINE_MS = 20 * 60_000;
const root = '/soak';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Stream {
  abort(): void;
}

async function openStream(app: AppServer): Promise<Stream> {
  const controller = new AbortController();
  const stream = await openEventStream(app.baseURL, () => undefined, controller.signal);
  for (let from = 0; from < NODES; from += PER_REQUEST) {
    const add = Array.from({ length: Math.min(PER_REQUEST, NODES - from) }, (_, i) => ({ path: `${root}/n${from + i}`, kind: 'data' }));
    const res = await fetch(`${app.baseURL}/api/v1/connections/default/events/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stream, add }),
    });
    const answer = (await res.json()) as { added?: unknown[] };
    if (!res.ok || answer.added?.length !== add.length) throw new Error(`subscribing failed: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
  }
  return { abort: () => controller.abort() };
}

/** Reads one node through the API every PROBE_EVERY_MS; `phase` names where samples go. */
class Probe {
  readonly samples = new Map<string, number[]>();
  phase = 'before';
  failed = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(app: AppServer) {
    this.done = (async () => {
      while (this.running) {
        const started = performance.now();
        const res = await fetch(`${app.baseURL}/api/v1/connections/default/node?path=${encodeURIComponent(`${root}/n0`)}`).catch(() => null);
        await res?.arrayBuffer();
        if (!res?.ok) this.failed++;
        const phase = this.samples.get(this.phase) ?? [];
        phase.push(performance.now() - started);
        this.samples.set(this.phase, phase);
        await sleep(PROBE_EVERY_MS);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  describe(phase: string): string {
    const sorted = [...(this.samples.get(phase) ?? [])].sort((a, b) => a - b);
    return `${sorted.length} probes (${this.failed} failed in all so far), p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;
  }
}

async function openMany(app: AppServer, n: number): Promise<Stream[]> {
  return mapLimit(Array.from({ length: n }), OPENING, () => openStream(app));
}

export async function runSoakBench(connectString: string): Promise<void> {
  const zkPort = Number(connectString.split(':')[1]);
  const seeder = new ZkSession({ id: 'soak-seed', name: 'soak-seed', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  await multi(seeder, [{ op: 'create', path: root }, ...Array.from({ length: NODES }, (_, i) => ({ op: 'create' as const, path: `${root}/n${i}`, data: Buffer.from(String(i)) }))]);
  seeder.close();

  await ensureBuild();
  // A wave's closed streams hold their subscriptions for the grace period while their replacements subscribe.
  const subscriptions = String((STREAMS + PER_WAVE) * NODES);
  const app = await startApp(connectString, {
    ZOOSCOPE_LIVE_SESSION_STREAMS: String(STREAMS + PER_WAVE),
    ZOOSCOPE_LIVE_MAX_STREAMS: String(STREAMS + PER_WAVE),
    ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS: subscriptions,
    ZOOSCOPE_LIVE_MAX_SUBSCRIPTIONS: subscriptions,
    ZOOSCOPE_LIVE_GRACE_MS: String(GRACE_MS),
    ZOOSCOPE_LIVE_DORMANT_MS: String(DORMANT_MS),
  });
  // From here: the build above may take minutes of its own.
  const deadline = Date.now() + DEADLINE_MS;
  const probe = new Probe(app);
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(app.pid))), 250);
  try {
    await sleep(5000);
    const baselineWatches = await watchCount(zkPort);
    const idleRss = rssMb(app.pid);
    console.log(`before: app RSS ${idleRss.toFixed(0)} MB, ZooKeeper watches ${baselineWatches}; probe ${probe.describe('before')}`);

    probe.phase = 'opening';
    let started = performance.now();
    let streams = await openMany(app, STREAMS);
    const openRss = rssMb(app.pid);
    console.log(
      `opened ${STREAMS} streams × ${NODES} subscriptions in ${((performance.now() - started) / 1000).toFixed(1)} s: app RSS ${openRss.toFixed(0)} MB, ZooKeeper watches ${await watchCount(zkPort)}; probe ${probe.describe('opening')}`,
    );

    probe.phase = 'churn';
    started = performance.now();
    for (let wave = 1; wave <= WAVES && Date.now() < deadline; wave++) {
      const closing = streams.slice(0, PER_WAVE);
      closing.forEach((s) => s.abort());
      streams = [...streams.slice(PER_WAVE), ...(await openMany(app, PER_WAVE))];
    }
    console.log(
      `churn: ${WAVES} waves of ${PER_WAVE} streams closed and reopened in ${((performance.now() - started) / 1000).toFixed(1)} s: app RSS ${rssMb(app.pid).toFixed(0)} MB (peak so far ${peakRss.toFixed(0)} MB); probe ${probe.describe('churn')}`,
    );

    probe.phase = 'closing';
    started = performance.now();
    streams.forEach((s) => s.abort());
    let watches = await watchCount(zkPort);
    while (watches > baselineWatches && Date.now() < deadline) {
      await sleep(500);
      watches = await watchCount(zkPort);
    }
    console.log(`closed all: ZooKeeper watches back to ${watches} (baseline ${baselineWatches}) in ${((performance.now() - started) / 1000).toFixed(1)} s; probe ${probe.describe('closing')}`);

    probe.phase = 'after';
    await sleep(5000);
    console.log(`after: app RSS ${rssMb(app.pid).toFixed(0)} MB (idle before ${idleRss.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB), ZooKeeper watches ${await watchCount(zkPort)}; probe ${probe.describe('after')}`);
  } finally {
    clearInterval(rssTimer);
    await probe.stop().catch(() => undefined);
    await app.stop();
  }
}
