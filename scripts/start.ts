/**
 * `npm start`: the dashboard on http://HOSTNAME:PORT (default 127.0.0.1:3000).
 * Without ZK_CONNECT it runs an embedded ZooKeeper (port 2181 when free; data kept in
 * .data/zk-embedded) seeded with the demo namespace; with ZK_CONNECT it starts nothing.
 *
 *   --dev          next dev instead of building and running the production server
 *   --zk-port N    the embedded ZooKeeper's client port (the e2e run picks one)
 *   --zk-fresh     a throwaway ZooKeeper data dir, deleted on exit, which also holds the app's data file (the e2e run uses it)
 *
 * In local mode ZOOSCOPE_LAUNCH_TOKEN (on, off, auto: the default) adds a per-launch token to
 * the printed URL; auto turns it on when the machine has other login accounts (see
 * lib/auth/launch-token.ts and docs/security.md).
 */
import { assertSafeToListen } from '@/lib/auth/exposure';
import { newLaunchSecret, otherLoginAccounts } from '@/lib/auth/launch-token';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, runNext } from './lib/next-build';
import { DATA_ROOT } from './lib/paths';
import { isPortFree } from './lib/ports';
import { seedDemo } from './lib/seed-demo';
import { startStandalone, type StandaloneServer } from './lib/zk-server';

const DEFAULT_ZK_PORT = 2181;

interface Args {
  dev: boolean;
  zkPort?: number;
  zkFresh: boolean;
}

function parsePort(name: string, value: string | undefined): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535), got "${value}"`);
  return port;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dev: false, zkFresh: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dev') args.dev = true;
    else if (a === '--zk-fresh') args.zkFresh = true;
    else if (a === '--zk-port') args.zkPort = parsePort('--zk-port', argv[++i]);
    else throw new Error(`Unknown option "${a}" (options: --dev, --zk-port N, --zk-fresh)`);
  }
  return args;
}

function waitForExit(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

/** Resolves once the server answers HTTP at all (any status), or rejects when it exits first. */
async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Next exited (code ${child.exitCode}) before serving ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const MAX_NEXT_RESTARTS = 5;

/** The launch token for this run, or null; says why on the console. */
function launchToken(mode: 'local' | 'users'): string | null {
  const choice = (process.env.ZOOSCOPE_LAUNCH_TOKEN?.trim().toLowerCase() || 'auto') as string;
  if (!['on', 'off', 'auto'].includes(choice)) throw new Error(`ZOOSCOPE_LAUNCH_TOKEN must be on, off or auto, got "${choice}"`);
  if (mode !== 'local' || choice === 'off') return null;
  if (choice === 'auto') {
    const others = otherLoginAccounts();
    if (others.length === 0) return null;
    console.log(`Launch token on: other login accounts on this machine (${others.join(', ')}) could reach loopback (ZOOSCOPE_LAUNCH_TOKEN=off to drop it)`);
  }
  return newLaunchSecret();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = parsePort('PORT', process.env.PORT ?? '3000');
  const hostname = process.env.HOSTNAME?.trim() || '127.0.0.1';
  // Without a users file the dashboard has no sign-in: it may only listen on loopback.
  const access = assertSafeToListen(hostname);
  const token = launchToken(access.mode);

  let zk: StandaloneServer | undefined;
  let seedSession: { close(): void } | undefined;
  let next: ChildProcess | undefined;
  let shuttingDown: Promise<void> | undefined;

  // Next first (it serves the users), then the session and the server it talks to.
  const shutdown = (code: number) =>
    (shuttingDown ??= (async () => {
      if (next) {
        next.kill('SIGTERM');
        const timer = setTimeout(() => next?.kill('SIGKILL'), 10_000);
        await waitForExit(next);
        clearTimeout(timer);
      }
      seedSession?.close();
      await zk?.stop();
      process.exit(code);
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    let connectString = process.env.ZK_CONNECT?.trim();
    if (!connectString) {
      const zkPort = args.zkPort ?? ((await isPortFree(DEFAULT_ZK_PORT)) ? DEFAULT_ZK_PORT : undefined);
      zk = await startStandalone({
        port: zkPort,
        dataDir: args.zkFresh ? undefined : path.join(DATA_ROOT, 'zk-embedded'),
      });
      console.log(`Embedded ZooKeeper at ${zk.connectString} (data: ${path.relative(process.cwd(), zk.dataDir) || '.'})`);
      const seeded = await seedDemo(zk.connectString);
      seedSession = seeded.session;
      console.log(`Demo namespace ready (${seeded.created} nodes created)`);
      connectString = zk.connectString;
    } else {
      console.log(`Using ZooKeeper at ${connectString} (ZK_CONNECT)`);
    }

    if (!args.dev) await ensureBuild();
    const env: NodeJS.ProcessEnv = { ...process.env, ZK_CONNECT: connectString, PORT: String(port), HOSTNAME: hostname };
    // A throwaway run (the e2e suite) keeps its audit log, bookmarks and added connections out of
    // the operator's .data/audit.sqlite: they go with the throwaway ZooKeeper's directory.
    if (args.zkFresh && zk && !env.ZOOSCOPE_AUDIT_FILE) env.ZOOSCOPE_AUDIT_FILE = path.join(zk.dataDir, 'zooscope', 'audit.sqlite');
    if (token) env.ZOOSCOPE_LAUNCH_SECRET = token;
    else delete env.ZOOSCOPE_LAUNCH_SECRET;
    const nextArgs = args.dev ? ['dev', '-p', String(port), '-H', hostname] : ['start', '-p', String(port), '-H', hostname];
    let serving = false;
    let restarts = 0;
    // A crashed server is started again (ZooKeeper and its demo session stay up); one that cannot
    // even start, or keeps crashing, ends the run.
    const launch = (): ChildProcess => {
      const child = runNext(nextArgs, env);
      child.once('exit', (code, signal) => {
        if (shuttingDown) return;
        const why = `the Next.js server stopped unexpectedly (exit code ${code}, signal ${signal})`;
        if (!serving || restarts >= MAX_NEXT_RESTARTS) {
          console.error(`[start] ${why}; stopping`);
          void shutdown(code ?? 1);
          return;
        }
        restarts++;
        console.error(`[start] ${why}; starting it again (${restarts} of ${MAX_NEXT_RESTARTS})`);
        next = launch();
      });
      return child;
    };
    next = launch();
    const probeHost = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
    const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/`;
    await waitForHttp(url, next);
    serving = true;
    console.log(access.mode === 'local' ? 'Local mode: no sign-in, loopback only' : `Sign-in required (${access.users} users)`);
    console.log(`\nZooscope is running: open ${token ? `${url}?token=${token}` : url}  (Ctrl-C to stop)\n`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
