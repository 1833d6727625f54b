/**
 * A recipe driver process steered line by line from a test: it prints one JSON event per line
 * ({event, id}) and reads commands on stdin; `exit` makes it stop and print `done`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RecipeEvent {
  event: string;
  id?: string;
}

export class RecipeProcess {
  readonly events: RecipeEvent[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exited = false;

  constructor(
    private readonly label: string,
    command: string,
    args: string[],
  ) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      this.events.push(JSON.parse(line) as RecipeEvent);
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
      const timer = setTimeout(() => done(new Error(`${this.label}: no ${count}× "${event}" within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      const check = () => {
        if (seen()) done();
        else if (this.exited) done(new Error(`${this.label} exited before ${count}× "${event}"; stderr: ${this.stderr.slice(-2000)}`));
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
