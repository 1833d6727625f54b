/**
 * Runs tests/support/kazoo/recipes.py: real kazoo recipes (Debian's python3-kazoo, installed by
 * ensureKazoo when missing) against a test ZooKeeper, steered line by line from a test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureKazoo } from '@/scripts/lib/deps';

export interface KazooEvent {
  event: string;
  id?: string;
}

export class KazooRecipe {
  readonly events: KazooEvent[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exited = false;

  constructor(connectString: string, recipe: 'lock' | 'election' | 'party', znode: string, clients: number) {
    const script = path.join(__dirname, 'recipes.py');
    this.child = spawn(ensureKazoo(), [script, connectString, recipe, znode, String(clients)], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.events.push(JSON.parse(line) as KazooEvent);
      this.waiters.forEach((w) => w());
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.on('exit', () => {
      this.exited = true;
      this.waiters.forEach((w) => w());
    });
  }

  /** Resolves once `count` events of `event` (for `id`, when given) have been printed. */
  waitFor(event: string, count = 1, timeoutMs = 20_000): Promise<void> {
    const seen = () => this.events.filter((e) => e.event === event).length >= count;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`kazoo: no ${count}× "${event}" within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      const check = () => {
        if (seen()) done();
        else if (this.exited) done(new Error(`kazoo exited before ${count}× "${event}"; stderr: ${this.stderr.slice(-2000)}`));
      };
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The ids of the `event` events, in order. */
  ids(event: string): string[] {
    return this.events.filter((e) => e.event === event).map((e) => e.id!);
  }

  send(command: string): void {
    this.child.stdin.write(`${command}\n`);
  }

  /** Asks every client to stop, and waits for the process to end. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.send('exit');
    await this.waitFor('done').catch(() => this.child.kill());
  }
}
