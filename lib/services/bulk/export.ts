/**
 * Export of a subtree as an export file (docs/export-format.md): the header, one line per node
 * in pre-order as the walk reads it, then the summary. Nothing but the lines in flight is held.
 */
import 'server-only';
import { recordAs } from '@/lib/audit/recorder';
import { walkPreOrder } from '@/lib/zk/preorder-walk';
import type { ZkSession } from '@/lib/zk/session';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader, type ExportNodeLine, type ExportSummaryLine } from '@/lib/shared/export-format';
import { baseName } from '@/lib/shared/path';
import { actorOf, type ConnectionContext } from '../connections';

/** `path` relative to `root`: "" for the root itself. */
export function relativePath(path: string, root: string): string {
  if (path === root) return '';
  return root === '/' ? path.slice(1) : path.slice(root.length + 1);
}

export interface ExportCounts {
  nodes: number;
  errors: number;
  bytes: number;
}

/** The node lines of a subtree, as objects (export and copy both read them). */
export async function* exportNodes(session: ZkSession, root: string, counts: ExportCounts, signal?: AbortSignal): AsyncGenerator<ExportNodeLine> {
  for await (const node of walkPreOrder(session, root, { signal })) {
    counts.nodes++;
    const path = relativePath(node.path, root);
    if (node.error) {
      counts.errors++;
      yield { path, error: node.error, ...(node.acl ? { acl: node.acl } : {}) };
      continue;
    }
    counts.bytes += node.data.length;
    yield { path, data: node.data.toString('base64'), acl: node.acl, stat: node.stat, ...(node.stat.ephemeralOwner !== '0' ? { ephemeral: true as const } : {}) };
  }
}

/** The lines of the export file of `root`, each with its newline. The export is audited when it ends. */
export async function* exportFile(context: ConnectionContext, root: string, signal?: AbortSignal): AsyncGenerator<string> {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, root, connection: context.connection.name, exportedAt: new Date().toISOString() };
  const counts: ExportCounts = { nodes: 0, errors: 0, bytes: 0 };
  let outcome = 'cancelled';
  try {
    const nodes = exportNodes(context.session, root, counts, signal);
    // The root is read before the header is handed on: a missing root fails the request, not the file.
    const first = await nodes.next();
    yield `${JSON.stringify(header)}\n`;
    if (!first.done) yield `${JSON.stringify(first.value)}\n`;
    for await (const line of nodes) yield `${JSON.stringify(line)}\n`;
    if (signal?.aborted) return;
    const summary: ExportSummaryLine = { summary: { ...counts } };
    yield `${JSON.stringify(summary)}\n`;
    outcome = 'done';
  } catch (e) {
    outcome = 'failed';
    throw e;
  } finally {
    recordAs(actorOf(context), { operation: 'export', path: root, detail: { ...counts, outcome } });
  }
}

/** `<connection>-<last segment>-<UTC time>.zkexport[.gz]`, safe as a file name (ASCII: it goes in a header). */
export function exportFileName(connectionName: string, root: string, at: Date, gzip: boolean): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'node';
  const time = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${safe(connectionName)}-${root === '/' ? 'root' : safe(baseName(root))}-${time}.zkexport${gzip ? '.gz' : ''}`;
}
