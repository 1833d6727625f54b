/**
 * npm postinstall: fixes a crash in the `zookeeper` binding (7.3.0). Its getACL completion frees
 * the ACL vector unconditionally, but the C client passes NULL when the call failed (no node, no
 * permission, connection closing), so any failed getACL killed the whole server with SIGSEGV.
 * The patch guards that call; the addon is then rebuilt once. Idempotent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'node_modules', 'zookeeper');
const source = path.join(pkg, 'src', 'node-zk.cpp');
const UNSAFE = '        deallocate_ACL_vector(acl);\n';
const SAFE = '        if (acl != NULL) deallocate_ACL_vector(acl);\n';

if (!fs.existsSync(source)) process.exit(0);
const text = fs.readFileSync(source, 'utf8');
if (text.includes(SAFE)) process.exit(0);
if (!text.includes(UNSAFE)) {
  console.warn('[patch-zookeeper] node-zk.cpp changed upstream; not patched (check the getACL completion by hand)');
  process.exit(0);
}
fs.writeFileSync(source, text.replace(UNSAFE, SAFE));
console.log('[patch-zookeeper] guarded the getACL completion; rebuilding the zookeeper addon');
// node-gyp-build keeps an existing binary: remove it so that the rebuild compiles the patch.
fs.rmSync(path.join(pkg, 'build'), { recursive: true, force: true });
execFileSync('npm', ['rebuild', 'zookeeper', '--foreground-scripts'], { cwd: root, stdio: 'inherit' });
