/**
 * Real ZooKeeper servers on loopback ports: one standalone server or a quorum ensemble, each a JVM
 * child process with its own data directory under .data/. The one implementation behind
 * `npm start`, `npm run zk`, the test setups and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sendFourLetterWord } from '../../lib/zk/four-letter-transport';
import { ensureZooKeeper } from './deps';
import { DATA_ROOT } from './paths';
import { freePorts } from './ports';

const HOST = '127.0.0.1';
const STANDALONE_MAIN = 'org.apache.zookeeper.server.ZooKeeperServerMain';
const QUORUM_MAIN = 'org.apache.zookeeper.server.quorum.QuorumPeerMain';
const STOP_TIMEOUT_MS = 10_000;
/** Auto-chosen ports can be taken between choosing and binding: retry that many times with new ones. */
const BIND_ATTEMPTS = 3;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Four-letter words

/** Sends a four-letter word (ruok, srvr, mntr, …) and returns the whole answer. */
export function fourLetterWord(port: number, command: string, timeoutMs = 2000, host = HOST): Promise<string> {
  return sendFourLetterWord(host, port, command, { timeoutMs });
}

export type ServerMode = 'standalone' | 'leader' | 'follower' | 'observer';

/** The server's role from `srvr`, or null while it is down or not serving (e.g. no quorum). */
export async function serverMode(port: number, host = HOST): Promise<ServerMode | null> {
  try {
    const match = /^Mode: (\w+)/m.exec(await fourLetterWord(port, 'srvr', 2000, host));
    return (match?.[1] as ServerMode | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * The snapshot directory of the server answering on `port` (from `conf`): tells our server apart
 * from another one that already held the port.
 */
async function servedDataDir(port: number, host: string): Promise<string | null> {
  try {
    return /^dataDir=(.*)$/m.exec(await fourLetterWord(port, 'conf', 2000, host))?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The server's count of watches, data and child alike, from `mntr` (`wchs` and `wchc` count data
 * watches only in 3.8). Every session's: tests and benchmarks use a server of their own.
 */
export async function watchCount(port: number): Promise<number> {
  const count = /^zk_watch_count\s+(\d+)$/m.exec(await fourLetterWord(port, 'mntr'))?.[1];
  if (count === undefined) throw new Error('mntr gave no zk_watch_count');
  return Number(count);
}

/** The same from the AdminServer's `configuration` command, for servers that refuse `conf`. */
async function adminDataDir(host: string, adminPort: number): Promise<string | null> {
  try {
    const res = await fetch(`http://${host}:${adminPort}/commands/configuration`, { signal: AbortSignal.timeout(2000) });
    return ((await res.json()) as { data_dir?: string }).data_dir ?? null;
  } catch {
    return null;
  }
}

interface Owner {
  host: string;
  dataDir: string;
  clientPort: number;
  adminPort: number;
  debianDefaults: boolean;
}

const ownsPort = async (o: Owner) =>
  (o.debianDefaults ? await adminDataDir(o.host, o.adminPort) : await servedDataDir(o.clientPort, o.host)) === path.join(o.dataDir, 'version-2');

/** Up: `ruok` where it is whitelisted, else `srvr` (always allowed). */
async function answers(port: number, debianDefaults: boolean): Promise<boolean> {
  if (debianDefaults) return (await serverMode(port)) !== null;
  return (await fourLetterWord(port, 'ruok').catch(() => '')) === 'imok';
}

// ---------------------------------------------------------------------------------------------
// JVM processes

interface JavaProcess {
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Set once the process has exited. */
  exit: { code: number | null; signal: string | null } | null;
  exited: Promise<void>;
}

/** Running (a zombie nobody reaps, as in a container without init, counts as gone). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Every JVM we started and that has not exited, so none outlives this process. */
const live = new Set<JavaProcess>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Backstop only: the owners (start.ts, zk.ts, test setups) stop servers cleanly themselves.
  process.on('exit', () => {
    for (const p of live) p.child.kill('SIGTERM');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // Another listener owns shutdown (and its order): leave the servers to it.
      if (process.listenerCount(signal) > 0) return;
      for (const p of live) p.child.kill('SIGTERM');
      process.kill(process.pid, signal); // our listener is gone: the default action now applies
    });
  }
}

interface LaunchOptions {
  mainClass: string;
  configFile: string;
  logFile: string;
  ttl: boolean;
  heapMb: number;
  containerCheckIntervalMs?: number;
  jaasFile?: string;
}

function launchJava(o: LaunchOptions): JavaProcess {
  const { java, classpath } = ensureZooKeeper();
  installExitHooks();
  const args = [
    `-Xmx${o.heapMb}m`,
    '-XX:+UseSerialGC', // fewest GC threads: the machine has 2 cores and runs up to 3 servers
    '-XX:-UsePerfData',
    '-Djava.net.preferIPv4Stack=true',
    '-Dzookeeper.jmx.log4j.disable=true',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS',
    ...(o.ttl ? ['-Dzookeeper.extendedTypesEnabled=true'] : []),
    ...(o.containerCheckIntervalMs ? [`-Dznode.container.checkIntervalMs=${o.containerCheckIntervalMs}`] : []),
    ...(o.jaasFile ? [`-Djava.security.auth.login.config=${o.jaasFile}`] : []),
    '-cp',
    classpath,
    o.mainClass,
    o.configFile,
  ];
  const fd = fs.openSync(o.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(java, args, { cwd: path.dirname(o.configFile), stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  const proc: JavaProcess = { child, pid: child.pid ?? -1, logFile: o.logFile, exit: null, exited: Promise.resolve() };
  proc.exited = new Promise((resolve) => {
    const done = (code: number | null, signal: string | null) => {
      if (proc.exit) return;
      proc.exit = { code, signal };
      live.delete(proc);
      resolve();
    };
    child.once('exit', done);
    child.once('error', (e) => {
      fs.appendFileSync(o.logFile, `\n[zk-server] could not start ${java}: ${e.message}\n`);
      done(null, null);
    });
  });
  live.add(proc);
  return proc;
}

/** SIGTERM, then SIGKILL after a timeout; resolves once the process has exited. */
async function terminate(p: JavaProcess, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  if (p.exit) return;
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
  const killed = await Promise.race([p.exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (killed) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
}

function logTail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function bindFailed(p: JavaProcess): boolean {
  try {
    return /BindException|Address already in use/.test(fs.readFileSync(p.logFile, 'utf8'));
  } catch {
    return false;
  }
}

export class ZkStartError extends Error {
  constructor(
    message: string,
    readonly bindConflict: boolean,
  ) {
    super(message);
    this.name = 'ZkStartError';
  }
}

/** Polls `ready` until it holds; fails early, with the log, when a server exits meanwhile. */
async function waitFor(what: string, procs: JavaProcess[], timeoutMs: number, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = procs.find((p) => p.exit);
    if (dead) {
      throw new ZkStartError(
        `ZooKeeper (pid ${dead.pid}) exited (code ${dead.exit?.code}, signal ${dead.exit?.signal}) while waiting for ${what}. ` +
          `Log ${dead.logFile}:\n${logTail(dead.logFile)}`,
        bindFailed(dead),
      );
    }
    if (await ready()) return;
    if (Date.now() > deadline) {
      const logs = procs.map((p) => `--- ${p.logFile} ---\n${logTail(p.logFile)}`).join('\n');
      throw new ZkStartError(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${logs}`, procs.some(bindFailed));
    }
    await delay(150);
  }
}

// ---------------------------------------------------------------------------------------------
// Configuration

type ConfigEntries = Record<string, string | number>;

function baseConfig(host: string, dataDir: string, clientPort: number, adminPort: number, defaults: boolean): ConfigEntries {
  return {
    tickTime: 2000,
    initLimit: 10,
    syncLimit: 5,
    dataDir,
    clientPort,
    clientPortAddress: host,
    // Debian's zoo.cfg has no whitelist line: ZooKeeper then answers `srvr` alone.
    ...(defaults ? {} : { '4lw.commands.whitelist': '*' }),
    'admin.serverAddress': host,
    'admin.serverPort': adminPort,
    // The default caps connections per client IP at 60; here every client is 127.0.0.1.
    maxClientCnxns: 0,
    'autopurge.snapRetainCount': 3,
    'autopurge.purgeInterval': 1,
  };
}

function writeConfig(file: string, entries: ConfigEntries): void {
  fs.writeFileSync(file, Object.entries(entries).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
}

const THROWAWAY_DIR = /^(zk|ensemble)-(\d+)-/;

/**
 * A fresh directory under .data/ for a server that is deleted when it stops. Its name carries our
 * pid, so the ones left by runs that were killed before they could clean up are swept here.
 */
function freshDataDir(kind: 'zk' | 'ensemble'): string {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  for (const entry of fs.readdirSync(DATA_ROOT)) {
    const owner = THROWAWAY_DIR.exec(entry)?.[2];
    if (owner && !isAlive(Number(owner))) fs.rmSync(path.join(DATA_ROOT, entry), { recursive: true, force: true });
  }
  return fs.mkdtempSync(path.join(DATA_ROOT, `${kind}-${process.pid}-`));
}

interface CommonOptions {
  /** Enable TTL nodes (-Dzookeeper.extendedTypesEnabled=true). Default true. */
  ttl?: boolean;
  /** JVM max heap in MB. */
  heapMb?: number;
  startTimeoutMs?: number;
  /** How often the server deletes expired TTL and empty container nodes (server default 60 s). */
  containerCheckIntervalMs?: number;
  /** Extra zoo.cfg entries (override the defaults). */
  extraConfig?: ConfigEntries;
  /**
   * Debian's default zoo.cfg: no 4lw.commands.whitelist line, so only `srvr` is answered; the
   * AdminServer (on `adminPort`) then tells the server up and ours. Default false (every word).
   */
  debianDefaults?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Standalone

/**
 * A server that a killed run left behind on a persistent data dir would share it with the new
 * one: stop it first (only if its command line names this config, so a reused pid is safe).
 */
async function stopLeftover(pidFile: string, configFile: string): Promise<void> {
  const pid = Number.parseInt(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : '', 10);
  if (!(pid > 0) || !isAlive(pid)) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes(configFile)) return;
  console.error(`[zk] stopping ZooKeeper pid ${pid} left running on ${path.dirname(configFile)}`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await delay(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await delay(50);
}

/** A TLS client port next to the plain one (see scripts/lib/zk-security.ts for the stores). */
export interface ServerTls {
  keyStore: string;
  trustStore: string;
  password: string;
}

/** zoo.cfg lines of a TLS client port: Netty serves it (the NIO factory has no TLS). */
function tlsConfig(tls: ServerTls, securePort: number): ConfigEntries {
  return {
    secureClientPort: securePort,
    serverCnxnFactory: 'org.apache.zookeeper.server.NettyServerCnxnFactory',
    'ssl.keyStore.location': tls.keyStore,
    'ssl.keyStore.password': tls.password,
    'ssl.keyStore.type': 'PKCS12',
    'ssl.trustStore.location': tls.trustStore,
    'ssl.trustStore.password': tls.password,
    'ssl.trustStore.type': 'PKCS12',
  };
}

/** SASL: the JAAS file's `Server` section names the users (DigestLoginModule). */
const SASL_CONFIG: ConfigEntries = { 'authProvider.1': 'org.apache.zookeeper.server.auth.SASLAuthenticationProvider' };

export interface StandaloneOptions extends CommonOptions {
  /** Client port; a free one when omitted. */
  port?: number;
  /** Also serve TLS on a free `secureClientPort`. */
  tls?: ServerTls;
  /** Accept SASL logins of the users of this JAAS file. */
  jaasFile?: string;
  /** Data directory, kept after stop(). When omitted: a fresh one under .data/, deleted by stop(). */
  dataDir?: string;
  adminPort?: number;
}

export interface StandaloneServer {
  connectString: string;
  clientPort: number;
  adminPort: number;
  /** The TLS client port, with `tls` only. */
  secureClientPort: number | null;
  dataDir: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startStandalone(options: StandaloneOptions = {}): Promise<StandaloneServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStandaloneOnce(options);
    } catch (e) {
      const choseFreePorts = options.port === undefined && options.adminPort === undefined;
      if (!(e instanceof ZkStartError && e.bindConflict && choseFreePorts && attempt < BIND_ATTEMPTS)) throw e;
    }
  }
}

async function startStandaloneOnce(o: StandaloneOptions): Promise<StandaloneServer> {
  const [freeClient, freeAdmin, freeSecure] = await freePorts(3);
  const clientPort = o.port ?? freeClient;
  const adminPort = o.adminPort ?? freeAdmin;
  const persistent = o.dataDir !== undefined;
  const dataDir = persistent ? path.resolve(o.dataDir as string) : freshDataDir('zk');
  fs.mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(dataDir, 'zoo.cfg');
  const pidFile = path.join(dataDir, 'zookeeper.pid');
  if (persistent) await stopLeftover(pidFile, configFile);
  const debianDefaults = o.debianDefaults ?? false;
  const security = { ...(o.tls ? tlsConfig(o.tls, freeSecure) : {}), ...(o.jaasFile ? SASL_CONFIG : {}) };
  writeConfig(configFile, { ...baseConfig(HOST, dataDir, clientPort, adminPort, debianDefaults), ...security, ...o.extraConfig });

  const proc = launchJava({
    mainClass: STANDALONE_MAIN,
    configFile,
    logFile: path.join(dataDir, 'zookeeper.log'),
    ttl: o.ttl ?? true,
    heapMb: o.heapMb ?? 256,
    containerCheckIntervalMs: o.containerCheckIntervalMs,
    jaasFile: o.jaasFile,
  });
  fs.writeFileSync(pidFile, `${proc.pid}\n`);
  const stop = async () => {
    await terminate(proc);
    if (persistent) fs.rmSync(pidFile, { force: true });
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`ZooKeeper on ${HOST}:${clientPort} to answer`, [proc], o.startTimeoutMs ?? 30_000, async () => {
      return (
        (await answers(clientPort, debianDefaults)) &&
        (await serverMode(clientPort)) === 'standalone' &&
        (await ownsPort({ host: HOST, dataDir, clientPort, adminPort, debianDefaults }))
      );
    });
  } catch (e) {
    await terminate(proc);
    if (!persistent && e instanceof ZkStartError && e.bindConflict) fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  let stopping: Promise<void> | undefined;
  return {
    connectString: `${HOST}:${clientPort}`,
    clientPort,
    adminPort,
    secureClientPort: o.tls ? freeSecure : null,
    dataDir,
    logFile: proc.logFile,
    pid: proc.pid,
    stop: () => (stopping ??= stop()),
  };
}

// ---------------------------------------------------------------------------------------------
// Ensemble

export interface EnsembleOptions extends CommonOptions {
  /** Number of members (default 3). */
  size?: number;
  /** How many of them (the last ids) are observers. Default 0. */
  observers?: number;
  /** Write each member's client address into its server.N line (";host:port"), as a reconfig does. */
  clientAddressInServerLines?: boolean;
  /**
   * Member N on its own loopback address 127.0.0.N, all with the same ports, like hosts of a real
   * ensemble (so one AdminServer URL template fits every member). Default: all on 127.0.0.1.
   */
  hostPerMember?: boolean;
}

export interface EnsembleMember {
  id: number;
  host: string;
  clientPort: number;
  quorumPort: number;
  electionPort: number;
  adminPort: number;
  role: 'participant' | 'observer';
  dataDir: string;
  logFile: string;
}

export interface Ensemble {
  connectString: string;
  members: EnsembleMember[];
  dataDir: string;
  /** Stops every member and deletes the data. */
  stop(): Promise<void>;
  /** Stops one member (SIGTERM, then SIGKILL) and waits for it to exit. */
  stopMember(id: number): Promise<void>;
  /** Starts a stopped member and waits until it serves in a quorum with one leader. */
  startMember(id: number): Promise<void>;
  restartMember(id: number): Promise<void>;
  isRunning(id: number): boolean;
  /** `srvr` mode of every member (null: down or not serving). */
  modes(): Promise<Map<number, ServerMode | null>>;
  /** Waits until every running member serves and exactly one leads; returns the leader's id. */
  waitForQuorum(timeoutMs?: number): Promise<number>;
}

export async function startEnsemble(options: EnsembleOptions = {}): Promise<Ensemble> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startEnsembleOnce(options);
    } catch (e) {
      if (!(e instanceof ZkStartError && e.bindConflict && attempt < BIND_ATTEMPTS)) throw e;
    }
  }
}

async function startEnsembleOnce(o: EnsembleOptions): Promise<Ensemble> {
  const size = o.size ?? 3;
  if (!Number.isInteger(size) || size < 1) throw new Error(`Ensemble size must be a positive integer (got ${size})`);
  const observers = o.observers ?? 0;
  if (!Number.isInteger(observers) || observers < 0 || observers >= size) throw new Error(`Observers must leave at least one participant (got ${observers} of ${size})`);
  const debianDefaults = o.debianDefaults ?? false;
  const ports = await freePorts(o.hostPerMember ? 4 : size * 4);
  const root = freshDataDir('ensemble');
  const members: EnsembleMember[] = Array.from({ length: size }, (_, i) => {
    const dataDir = path.join(root, `member-${i + 1}`);
    const [clientPort, quorumPort, electionPort, adminPort] = o.hostPerMember ? ports : ports.slice(i * 4, i * 4 + 4);
    const role = i >= size - observers ? 'observer' : 'participant';
    const host = o.hostPerMember ? `127.0.0.${i + 1}` : HOST;
    return { id: i + 1, host, clientPort, quorumPort, electionPort, adminPort, role, dataDir, logFile: path.join(dataDir, 'zookeeper.log') };
  });
  const serverLine = (m: EnsembleMember) =>
    `${m.host}:${m.quorumPort}:${m.electionPort}${m.role === 'observer' ? ':observer' : ''}${o.clientAddressInServerLines ? `;${m.host}:${m.clientPort}` : ''}`;
  const servers = Object.fromEntries(members.map((m) => [`server.${m.id}`, serverLine(m)]));
  for (const m of members) {
    fs.mkdirSync(m.dataDir, { recursive: true });
    fs.writeFileSync(path.join(m.dataDir, 'myid'), `${m.id}\n`);
    const own = { ...baseConfig(m.host, m.dataDir, m.clientPort, m.adminPort, debianDefaults), ...(m.role === 'observer' ? { peerType: 'observer' } : {}) };
    writeConfig(path.join(m.dataDir, 'zoo.cfg'), { ...own, ...servers, ...o.extraConfig });
  }

  const procs = new Map<number, JavaProcess>();
  const member = (id: number) => {
    const m = members.find((x) => x.id === id);
    if (!m) throw new Error(`No ensemble member ${id} (members are 1..${size})`);
    return m;
  };
  const running = () => [...procs.values()].filter((p) => !p.exit);
  const launch = (m: EnsembleMember) =>
    procs.set(
      m.id,
      launchJava({
        mainClass: QUORUM_MAIN,
        configFile: path.join(m.dataDir, 'zoo.cfg'),
        logFile: m.logFile,
        ttl: o.ttl ?? true,
        heapMb: o.heapMb ?? 128,
        containerCheckIntervalMs: o.containerCheckIntervalMs,
      }),
    );
  const isRunning = (id: number) => {
    member(id);
    const p = procs.get(id);
    return Boolean(p && !p.exit);
  };
  const modeOf = async (m: EnsembleMember) =>
    isRunning(m.id) && (await ownsPort({ ...m, debianDefaults })) ? serverMode(m.clientPort, m.host) : null;
  const modes = async () => new Map(await Promise.all(members.map(async (m) => [m.id, await modeOf(m)] as const)));
  const waitForQuorum = async (timeoutMs = o.startTimeoutMs ?? 60_000) => {
    let leader = -1;
    await waitFor('a quorum with one leader', running(), timeoutMs, async () => {
      const current = await modes();
      const serving = (m: EnsembleMember) => {
        const mode = current.get(m.id);
        return m.role === 'observer' ? mode === 'observer' : mode === 'leader' || mode === 'follower';
      };
      const leaders = members.filter((m) => current.get(m.id) === 'leader');
      if (members.some((m) => isRunning(m.id) && !serving(m)) || leaders.length !== 1) return false;
      leader = leaders[0].id;
      return true;
    });
    return leader;
  };
  const stopMember = async (id: number) => {
    member(id);
    const p = procs.get(id);
    if (p) await terminate(p);
  };
  const startMember = async (id: number) => {
    if (isRunning(id)) return;
    launch(member(id));
    await waitForQuorum();
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all([...procs.values()].map((p) => terminate(p)));
      fs.rmSync(root, { recursive: true, force: true });
    })());

  members.forEach(launch);
  try {
    await waitForQuorum();
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    connectString: members.map((m) => `${m.host}:${m.clientPort}`).join(','),
    members,
    dataDir: root,
    stop,
    stopMember,
    startMember,
    restartMember: async (id) => {
      await stopMember(id);
      await startMember(id);
    },
    isRunning,
    modes,
    waitForQuorum,
  };
}
