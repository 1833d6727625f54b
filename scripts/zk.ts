/**
 * Local ZooKeeper servers for development, in the foreground until Ctrl-C:
 *   npm run zk -- start [--port N] [--data DIR] [--no-ttl]   one standalone server
 *   npm run zk -- ensemble [--size N] [--observers N]        a quorum (default 3 members)
 * --debian-defaults (either command): Debian's zoo.cfg, no 4lw whitelist line (only `srvr`), the
 * AdminServer on its printed port; for the ensemble, members on 127.0.0.1, 127.0.0.2, … with the same ports.
 */
import { startEnsemble, startStandalone } from './lib/zk-server';

const USAGE = 'Usage: npm run zk -- start [--port N] [--data DIR] [--no-ttl] [--debian-defaults] | ensemble [--size N] [--observers N] [--debian-defaults]';

function intOption(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const options: { port?: number; data?: string; ttl: boolean; size: number; observers: number; debianDefaults: boolean } = { ttl: true, size: 3, observers: 0, debianDefaults: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--port') options.port = intOption('--port', rest[++i], 1, 65535);
    else if (a === '--data') options.data = rest[++i];
    else if (a === '--no-ttl') options.ttl = false;
    else if (a === '--size') options.size = intOption('--size', rest[++i], 1, 9);
    else if (a === '--observers') options.observers = intOption('--observers', rest[++i], 0, 8);
    else if (a === '--debian-defaults') options.debianDefaults = true;
    else throw new Error(`Unknown option "${a}". ${USAGE}`);
  }

  let stop: () => Promise<void>;
  if (command === 'start') {
    const server = await startStandalone({ port: options.port, dataDir: options.data, ttl: options.ttl, debianDefaults: options.debianDefaults });
    console.log(`ZooKeeper ${server.connectString} (admin http://127.0.0.1:${server.adminPort}/commands, pid ${server.pid})`);
    console.log(`data ${server.dataDir}${options.data ? '' : ' (deleted on exit)'}, log ${server.logFile}`);
    stop = server.stop;
  } else if (command === 'ensemble') {
    const { debianDefaults } = options;
    const ensemble = await startEnsemble({ size: options.size, observers: options.observers, ttl: options.ttl, debianDefaults, hostPerMember: debianDefaults, clientAddressInServerLines: debianDefaults });
    const modes = await ensemble.modes();
    for (const m of ensemble.members) {
      console.log(`member ${m.id}: ${m.host}:${m.clientPort} ${modes.get(m.id)} (quorum ${m.quorumPort}, election ${m.electionPort}, admin ${m.adminPort})`);
    }
    console.log(`connect string: ${ensemble.connectString}`);
    stop = ensemble.stop;
  } else {
    throw new Error(USAGE);
  }
  console.log('Running; Ctrl-C to stop.');
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop().then(() => process.exit(0));
    });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
