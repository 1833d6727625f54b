/**
 * ZooNavigator's export: one JSON array of trees `{"h":{"path","data"(base64),"acl":[{"id",
 * "scheme","permissions":["READ",…]}]},"t":[children]}`. The trees are children of the import
 * target (ZooNavigator imports into a node), named by the last segment of `h.path`. The whole
 * document is parsed at once (it is one JSON value); its size is bounded.
 */
import 'server-only';
import { checkRelativePath, EXPORT_FORMAT, EXPORT_VERSION } from '@/lib/shared/export-format';
import { baseName } from '@/lib/shared/path';
import type { AclEntry } from '@/lib/shared/types';
import { decodeBase64, invalidFile, type ExportRecord } from './file-checks';

/** A ZooNavigator file is held in memory to be parsed; past this it is refused. */
const MAX_DOCUMENT_CHARS = 512 * 1024 * 1024;

const PERMISSION_LETTERS: Record<string, string> = { CREATE: 'c', DELETE: 'd', READ: 'r', WRITE: 'w', ADMIN: 'a' };
const ORDER = 'cdrwa';

interface ZnTree {
  h?: { path?: unknown; data?: unknown; acl?: unknown };
  t?: unknown;
}

function toAcl(acl: unknown, line: number): AclEntry[] {
  if (acl === undefined || acl === null) return [];
  if (!Array.isArray(acl)) throw invalidFile(line, 'h.acl must be a list');
  return acl.map((e: { id?: unknown; scheme?: unknown; permissions?: unknown }) => {
    if (typeof e?.id !== 'string' || typeof e.scheme !== 'string' || !Array.isArray(e.permissions)) {
      throw invalidFile(line, 'each h.acl entry must be {id, scheme, permissions:[…]}');
    }
    const letters = new Set<string>();
    for (const p of e.permissions) {
      const name = String(p).toUpperCase();
      if (name === 'ALL') ORDER.split('').forEach((l) => letters.add(l));
      else if (PERMISSION_LETTERS[name]) letters.add(PERMISSION_LETTERS[name]);
      else throw invalidFile(line, `unknown ACL permission ${JSON.stringify(p)}`);
    }
    return { scheme: e.scheme, id: e.id, perms: ORDER.split('').filter((l) => letters.has(l)).join('') };
  });
}

/** `line` is the node's place in the file's pre-order, counted from 2 (the header is line 1's stand-in). */
function* walk(trees: unknown, parent: string, counter: { n: number }): Generator<ExportRecord> {
  if (!Array.isArray(trees)) throw invalidFile(counter.n, 't must be a list of trees');
  for (const tree of trees as ZnTree[]) {
    const line = ++counter.n;
    const h = tree?.h;
    if (typeof h !== 'object' || h === null || typeof h.path !== 'string') throw invalidFile(line, 'each tree needs h.path');
    const name = baseName(h.path.replace(/\/+$/, '') || '/');
    const path = parent === '' ? name : `${parent}/${name}`;
    const problem = name === '/' || name === '' ? `h.path "${h.path}" names no node` : checkRelativePath(path);
    if (problem) throw invalidFile(line, problem);
    if (h.data !== undefined && h.data !== null && typeof h.data !== 'string') throw invalidFile(line, 'h.data must be base64');
    const data = typeof h.data === 'string' ? decodeBase64(h.data, line) : Buffer.alloc(0);
    yield { kind: 'node', node: { path, data, acl: toAcl(h.acl, line), line } };
    yield* walk(tree.t ?? [], path, counter);
  }
}

export async function* readZooNavigator(first: string, rest: AsyncIterable<[number, string]>): AsyncGenerator<ExportRecord> {
  const parts = [first];
  let size = first.length;
  for await (const [, text] of rest) {
    size += text.length + 1;
    if (size > MAX_DOCUMENT_CHARS) throw invalidFile(null, `a ZooNavigator export is read whole, and this one is over ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB`);
    parts.push(text);
  }
  let trees: unknown;
  try {
    trees = JSON.parse(parts.join('\n'));
  } catch (e) {
    throw invalidFile(null, `not valid JSON: a damaged or truncated ZooNavigator export (${(e as Error).message})`);
  }
  yield { kind: 'header', header: { format: EXPORT_FORMAT, version: EXPORT_VERSION, root: '/', connection: null, exportedAt: '', source: 'zoonavigator' } };
  // Duplicated names among siblings would be one node twice: refused like ours.
  const seen = new Set<string>();
  for (const record of walk(trees, '', { n: 1 })) {
    if (record.kind === 'node') {
      if (seen.has(record.node.path)) throw invalidFile(record.node.line, `the node "${record.node.path}" appears twice`);
      seen.add(record.node.path);
    }
    yield record;
  }
}
