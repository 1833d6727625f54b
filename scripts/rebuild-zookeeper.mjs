/**
 * npm postinstall, after `patch-package` has applied patches/zookeeper+<version>.patch to the
 * `zookeeper` binding's sources (see docs/architecture.md): rebuilds the addon so that the binary
 * is built from the patched sources. The patch adds multi, create with an ACL and removeWatches,
 * TLS (zookeeper_init_ssl, OpenSSL) and SASL (zookeeper_init_sasl, Cyrus SASL) sessions, and fixes
 * the getACL completion that freed a NULL ACL (a SIGSEGV on every failed getACL).
 * Idempotent and quiet: a stamp in the addon's build directory records the patch it was built
 * with, so an install that changed nothing rebuilds nothing; the compiler's output is shown only
 * when the build fails.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'node_modules', 'zookeeper');
if (!fs.existsSync(path.join(pkg, 'package.json'))) process.exit(0);

const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
const patch = path.join(root, 'patches', `zookeeper+${version}.patch`);
if (!fs.existsSync(patch)) {
  console.error(`[zookeeper] no patches/zookeeper+${version}.patch: port the patch to this version of the binding`);
  process.exit(1);
}
const hash = createHash('sha256').update(fs.readFileSync(patch)).digest('hex');
const stamp = path.join(pkg, 'build', 'zooscope-patch.sha256');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === hash) process.exit(0);

// The patched build links OpenSSL and Cyrus SASL: their Debian packages are installed first.
try {
  const { ensureBindingLibraries } = await tsImport('./lib/deps.ts', import.meta.url);
  ensureBindingLibraries();
} catch (e) {
  console.error(`[zookeeper] ${e.message}`);
  process.exit(1);
}

// node-gyp-build keeps an existing binary: remove it so that the rebuild compiles the patch.
fs.rmSync(path.join(pkg, 'build'), { recursive: true, force: true });
try {
  execFileSync('npm', ['rebuild', 'zookeeper', '--foreground-scripts'], { cwd: root, stdio: 'pipe', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
} catch (e) {
  process.stderr.write(`${e.stdout ?? ''}${e.stderr ?? ''}`);
  console.error('[zookeeper] rebuilding the patched addon failed (output above)');
  process.exit(1);
}
fs.writeFileSync(stamp, `${hash}\n`);
console.log(`[zookeeper] rebuilt the addon with ${path.relative(root, patch)}`);
