/**
 * Event-stream clients of the live fan-out benchmark, in a child process of bench/live.ts so
 * that parsing a hundred thousand events a second does not share a core with the writer (or
 * skew the latency it measures). Started by `forkClients`; talks to the parent over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openEventStream } from './sse-client';

export const now = () => performance.timeOrigin + performance.now();

/** Latencies in 0.1 ms buckets: millions of samples without keeping them. */
export class Histogram {
  readonly buckets: Uint32Array<ArrayBufferLike>;
  count = 0;
  constructor(buckets: Uint32Array<ArrayBufferLike> = new Uint32Array(600_000)) {
    this.buckets = buckets;
    for (const n of buckets) this.count += n;
  }
  add(ms: number): void {
    this.buckets[Math.max(0, Math.min(this.buckets.length - 1, Math.round(ms * 10)))]++;
    this.count++;
  }
  merge(other: Histogram): void {
    for (let i = 0; i < other.buckets.length; i++) this.buckets[i] += other.buckets[i];
    this.count += other.count;
  }
  percentile(p: number): number {
    let seen = 0;
    const want = Math.ceil((p / 100) * this.count);
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i];
      if (seen >= want) return i / 10;
    }
    return NaN;
  }
}

type ToChild = { type: 'start'; baseURL: string; paths: string[]; clients: number } | { type: 'final'; finalSeq: Record<string, number>; timeoutMs: number };
type FromChild = { type: 'ready' } | { type: 'done'; complete: number; delivered: number; buckets: Uint32Array; cpuMs: number };

export interface ClientsResult {
  complete: number;
  delivered: number;
  latencies: Histogram;
  /** CPU the clients' process used while the changes ran (ms), to show it was not the bottleneck. */
  cpuMs: number;
}

/** A process holding `clients` event streams, each subscribed to `paths`. */
export class ClientProcess {
  private readonly child: ChildProcess;
  private readonly messages: FromChild[] = [];
  private waiting: (() => void) | null = null;

  private constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (m) => {
      this.messages.push(m as FromChild);
      this.waiting?.();
    });
  }

  static async start(baseURL: string, paths: string[], clients: number): Promise<ClientProcess> {
    const child = fork(fileURLToPath(import.meta.url), ['live-clients'], {
      execArgv: ['--import', 'tsx', '--conditions=react-server'],
      serialization: 'advanced',
    });
    const p = new ClientProcess(child);
    child.send({ type: 'start', baseURL, paths, clients } satisfies ToChild);
    await p.next('ready');
    return p;
  }

  private async next<T extends FromChild['type']>(type: T): Promise<Extract<FromChild, { type: T }>> {
    for (;;) {
      const i = this.messages.findIndex((m) => m.type === type);
      if (i >= 0) return this.messages.splice(i, 1)[0] as Extract<FromChild, { type: T }>;
      if (this.child.exitCode !== null) throw new Error(`benchmark clients exited with code ${this.child.exitCode}`);
      await new Promise<void>((r) => (this.waiting = r));
    }
  }

  /** Waits until every stream has every node's final value (or the timeout), then ends. */
  async finish(finalSeq: Map<string, number>, timeoutMs: number): Promise<ClientsResult> {
    this.child.send({ type: 'final', finalSeq: Object.fromEntries(finalSeq), timeoutMs } satisfies ToChild);
    const done = await this.next('done');
    this.child.kill();
    return { complete: done.complete, delivered: done.delivered, latencies: new Histogram(done.buckets), cpuMs: done.cpuMs };
  }
}

// ---- the child --------------------------------------------------------------------------------

async function openStream(baseURL: string, paths: string[], latencies: Histogram, last: Map<string, number>, onEvent: () => void): Promise<void> {
  const stream = await openEventStream(baseURL, (m) => {
    if (m.event !== 'changed') return;
    const received = now();
    const e = JSON.parse(m.data) as { path: string; data?: { text: string | null } };
    const value = e.data?.text ? (JSON.parse(e.data.text) as { seq: number; t: number }) : null;
    if (!value) return;
    latencies.add(received - value.t);
    if (value.seq > (last.get(e.path) ?? -1)) last.set(e.path, value.seq);
    onEvent();
  });
  const res = await fetch(`${baseURL}/api/v1/connections/default/events/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stream, add: paths.map((path) => ({ path, kind: 'data' })) }),
  });
  const answer = (await res.json()) as { added?: unknown[] };
  if (!res.ok || answer.added?.length !== paths.length) throw new Error(`subscribing failed: HTTP ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
}

async function child(): Promise<void> {
  const send = (m: FromChild) => process.send!(m);
  const start = await new Promise<Extract<ToChild, { type: 'start' }>>((r) => process.once('message', (m) => r(m as never)));
  const latencies = new Histogram();
  const lasts = Array.from({ length: start.clients }, () => new Map<string, number>());
  let delivered = 0;
  for (let i = 0; i < start.clients; i += 20) {
    await Promise.all(lasts.slice(i, i + 20).map((last) => openStream(start.baseURL, start.paths, latencies, last, () => delivered++)));
  }
  const cpu0 = process.cpuUsage();
  send({ type: 'ready' });
  const final = await new Promise<Extract<ToChild, { type: 'final' }>>((r) => process.once('message', (m) => r(m as never)));
  const cpu = process.cpuUsage(cpu0);
  const complete = () => lasts.reduce((n, last) => n + start.paths.filter((p) => last.get(p) === final.finalSeq[p]).length, 0);
  const deadline = now() + final.timeoutMs;
  while (complete() < start.clients * start.paths.length && now() < deadline) await new Promise((r) => setTimeout(r, 50));
  send({ type: 'done', complete: complete(), delivered, buckets: latencies.buckets, cpuMs: (cpu.user + cpu.system) / 1000 });
}

if (process.send && process.argv[2] === 'live-clients') {
  child().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
