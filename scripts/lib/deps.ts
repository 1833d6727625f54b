/**
 * System dependencies the project runs but npm cannot install: Java + the ZooKeeper server jars
 * (Debian package `zookeeper`), Chromium for the browser tests (Debian package `chromium`) and the
 * libraries the patched binding links (OpenSSL, Cyrus SASL).
 * Missing pieces are apt-installed when the machine is Debian and we are root (CI runs on a clean
 * machine as root); otherwise the error says exactly what to install. Quiet when all is present.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const JAVA_DIR = '/usr/share/java';
export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface ZooKeeperRuntime {
  /** The java executable. */
  java: string;
  /** Class path of the ZooKeeper server, with a console logger bound first. */
  classpath: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findJava(): string | null {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'java'));
  candidates.push('/usr/bin/java');
  return candidates.find(isExecutable) ?? null;
}

/**
 * Debian's zookeeper.jar lists its own dependencies in its manifest Class-Path, so the class path
 * stays short. The wildcard /usr/share/java/* would put six SLF4J bindings on it, and the one that
 * wins (slf4j-nop, or slf4j-log4j12 crashing against log4j-over-slf4j) depends on directory order;
 * putting slf4j-simple first makes the server log to stderr, which we send to a file. The admin
 * server (Jetty) also needs the servlet API, and the Netty connection factory (TLS client ports)
 * Netty's codec and resolver, which the manifest does not list.
 */
function findClasspath(): string | null {
  if (process.env.ZOOKEEPER_CLASSPATH) return process.env.ZOOKEEPER_CLASSPATH;
  const server = path.join(JAVA_DIR, 'zookeeper.jar');
  if (!existsSync(server)) return null;
  const extra = ['servlet-api.jar', 'netty-codec.jar', 'netty-resolver.jar', 'netty-transport-native-unix-common.jar'];
  const parts = [path.join(JAVA_DIR, 'slf4j-simple.jar'), server, ...extra.map((jar) => path.join(JAVA_DIR, jar))];
  return parts.filter((f) => existsSync(f)).join(':');
}

function canAptInstall(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

function apt(args: string[]): void {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`"apt-get ${args.join(' ')}" failed (exit ${result.status ?? result.signal ?? result.error?.message})`);
  }
}

/** apt-get install, running `apt-get update` once per run (the flag is inherited by child processes). */
function aptInstall(packages: string[]): void {
  console.error(`[deps] installing ${packages.join(', ')} with apt-get…`);
  if (!process.env.ZOOSCOPE_APT_UPDATED) {
    apt(['update']);
    process.env.ZOOSCOPE_APT_UPDATED = '1';
  }
  apt(['install', '-y', ...packages]);
}

function missingError(what: string, packages: string[], extra = ''): Error {
  const install = `apt-get install -y ${packages.join(' ')}`;
  return new Error(
    canAptInstall()
      ? `${what} is still missing after "${install}".${extra}`
      : `${what} is not installed. Install it with: sudo ${install} ` +
          `(Debian/Ubuntu; the project installs it itself when run as root on Debian).${extra}`,
  );
}

let runtime: ZooKeeperRuntime | undefined;

/** Java and the ZooKeeper 3.8 server jars, installed first when missing and possible. */
export function ensureZooKeeper(): ZooKeeperRuntime {
  if (runtime) return runtime;
  let java = findJava();
  let classpath = findClasspath();
  const missing = [...(classpath ? [] : ['zookeeper']), ...(java || !classpath ? [] : ['default-jre-headless'])];
  if (missing.length > 0 && canAptInstall()) {
    aptInstall(missing);
    java = findJava();
    classpath = findClasspath();
  }
  if (!classpath) {
    throw missingError(
      `The ZooKeeper server (${JAVA_DIR}/zookeeper.jar)`,
      ['zookeeper'],
      ' Elsewhere, set ZOOKEEPER_CLASSPATH to the class path of a ZooKeeper 3.8 server.',
    );
  }
  if (!java) throw missingError('Java (needed to run ZooKeeper)', ['default-jre-headless'], ' Or set JAVA_HOME.');
  runtime = { java, classpath };
  return runtime;
}

/** Where Cyrus SASL keeps its mechanisms: multiarch Debian, or plain /usr/lib(64) elsewhere. */
function hasSaslMechanism(plugin: string): boolean {
  const libs = ['/usr/lib', '/usr/lib64'];
  const dirs = libs.flatMap((lib) => [lib, ...(existsSync(lib) ? readdirSync(lib).map((d) => path.join(lib, d)) : [])]);
  return dirs.some((dir) => existsSync(path.join(dir, 'sasl2', plugin)));
}

/**
 * What the patched `zookeeper` binding is compiled and run with: OpenSSL for TLS, Cyrus SASL and
 * its DIGEST-MD5 mechanism for SASL. Checked by the npm postinstall before it rebuilds the addon.
 */
export function ensureBindingLibraries(): void {
  const needed = [
    { pkg: 'libssl-dev', present: () => existsSync('/usr/include/openssl/ssl.h') },
    { pkg: 'libsasl2-dev', present: () => existsSync('/usr/include/sasl/sasl.h') },
    { pkg: 'libsasl2-modules', present: () => hasSaslMechanism('libdigestmd5.so') },
    // Applies the binding's C client diff (node_modules/zookeeper/scripts/zookeeper-client-c.diff).
    { pkg: 'patch', present: () => isExecutable('/usr/bin/patch') },
  ];
  let missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length > 0 && canAptInstall()) {
    aptInstall(missing);
    missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
  }
  if (missing.length > 0) {
    throw missingError('OpenSSL and Cyrus SASL (headers and the DIGEST-MD5 mechanism) and patch for the zookeeper binding', missing);
  }
}

/** Debian's CJK fonts, without which Korean (and other CJK) names render as boxes in screenshots. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * The Chromium the browser tests and benchmarks drive; installed first when missing and possible,
 * with the CJK fonts (best effort: without them only screenshots of CJK text suffer).
 */
export function ensureChromium(): string {
  if (!existsSync(CJK_FONT) && canAptInstall()) {
    try {
      aptInstall(['fonts-noto-cjk']);
    } catch (e) {
      console.warn(`[deps] could not install fonts-noto-cjk (CJK text will not render in screenshots): ${(e as Error).message}`);
    }
  }
  if (isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (canAptInstall()) aptInstall(['chromium']);
  if (isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  throw missingError(`Chromium (${CHROMIUM_PATH})`, ['chromium'], ' Never run "npx playwright install": the tests use the system Chromium.');
}

const KAZOO_DIR = '/usr/lib/python3/dist-packages/kazoo';

/**
 * Python 3 and Debian's kazoo: a third-party ZooKeeper client whose recipes (locks, parties,
 * elections) the recipe lenses are tested against. Returns the interpreter.
 */
export function ensureKazoo(): string {
  const present = () => isExecutable('/usr/bin/python3') && existsSync(path.join(KAZOO_DIR, 'recipe'));
  if (!present() && canAptInstall()) aptInstall(['python3-kazoo']);
  if (!present()) throw missingError(`kazoo (${KAZOO_DIR})`, ['python3-kazoo']);
  return '/usr/bin/python3';
}

const CURATOR_JAR = '/usr/share/java/curator-recipes.jar';
const JAVAC = '/usr/lib/jvm/java-17-openjdk-amd64/bin/javac';

/**
 * Debian's Apache Curator (a second third-party client family for the recipe lenses) and a JDK
 * for Java's source launcher, which needs the compiler. Returns the `java` to run.
 */
export function ensureCurator(): string {
  const present = () => existsSync(CURATOR_JAR) && isExecutable(JAVAC);
  if (!present() && canAptInstall()) aptInstall(['libcurator-recipes-java', 'openjdk-17-jdk-headless']);
  if (!present()) throw missingError(`Curator (${CURATOR_JAR}) and a JDK (${JAVAC})`, ['libcurator-recipes-java', 'openjdk-17-jdk-headless']);
  return path.join(path.dirname(JAVAC), 'java');
}
