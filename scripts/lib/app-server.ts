/**
 * A second instance of the built app (`next start`) on a free loopback port, connected to a given
 * ZooKeeper: for specs and benchmarks that must stop that ZooKeeper or measure the app's process.
 * Needs a current build (.next); see next-build.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { runNext } from './next-build';
import { freePort } from './ports';

export interface AppServer {
  baseURL: string;
  /** The `next start` process (its resident memory is the app server's). */
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export async function startApp(zkConnect: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // Local mode and one connection unless the caller says otherwise, whatever the calling environment configured.
  const { ZOOSCOPE_CONFIG: _config, ZOOSCOPE_USERS_FILE: _users, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ZK_CONNECT: zkConnect, PORT: String(port), NODE_ENV: 'production', ...extraEnv };
  const child: ChildProcess = runNext(['start', '-p', String(port), '-H', '127.0.0.1'], env, 'ignore');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode} before serving ${baseURL}`);
    try {
      // Answers in local and sign-in mode alike (who is signed in, if anyone).
      const res = await fetch(`${baseURL}/api/v1/session`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer at ${baseURL} within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseURL, pid: child.pid!, stop };
}
