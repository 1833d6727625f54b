/**
 * Compare a subtree with an export file (POST compare): "what changed since this backup". The
 * file streams in pre-order; each of its nodes is looked up in the live tree (value, ACL,
 * children), at most COMPARE_CONCURRENCY at once, a batch at a time so that the reading waits
 * for ZooKeeper. A node's live children that the file does not list are known once the file has
 * passed the node's subtree: they, and everything below them, are reported as on the left only.
 * Held: the open nodes on the way down (with the names the file listed under them) and a batch.
 */
import 'server-only';
import { invalidFile, type ExportRecord } from './file-checks';
import { mapLimit } from '@/lib/zk/map-limit';
import { absoluteUnder, joinRelative } from '@/lib/shared/compare';
import type { ExportedNode } from '@/lib/shared/export-format';
import { baseName } from '@/lib/shared/path';
import type { ConnectionContext } from '../connections';
import { assertExists, compareRun, type CompareRun } from './compare';
import { aclKey, probeNode, type Probe } from './compare-probe';
import type { CompareReport } from './compare-report';
import { COMPARE_CONCURRENCY, walkSides, type LiveSide, type WalkItem } from './compare-walk';
import { readExportFile } from './read-export';

const BATCH = 1024;

interface Open {
  path: string;
  /** The names the file lists under this node. */
  names: Set<string>;
  /** The file could not read it (NO_AUTH at export): its children there are unknown. */
  unlisted: boolean;
  parent: Open | null;
  node: ExportedNode | null;
  probe?: Promise<Probe>;
  live?: Probe;
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

class FileComparison {
  private readonly stack: Open[] = [];
  private closing: Open[] = [];

  constructor(
    private readonly left: LiveSide,
    private readonly report: CompareReport,
    private readonly signal: AbortSignal,
  ) {}

  /** A ZooNavigator file holds the target's children, not the target: its root is live only, not compared. */
  openRoot(): Open {
    const root: Open = { path: '', names: new Set(), unlisted: false, parent: null, node: null };
    root.probe = probeNode(this.left.session, this.left.root);
    this.stack.push(root);
    return root;
  }

  /** Places a node under its parent on the stack, closing the subtrees the file has left. */
  private place(node: ExportedNode): Open {
    if (node.path !== '') {
      const parent = parentOf(node.path);
      while (this.stack.length > 0 && this.stack[this.stack.length - 1].path !== parent) this.closing.push(this.stack.pop()!);
      if (this.stack.length === 0) throw invalidFile(node.line, `the node "${node.path}" comes after its parent's subtree ended (nodes must be in pre-order)`);
      this.stack[this.stack.length - 1].names.add(baseName(`/${node.path}`));
    }
    const open: Open = { path: node.path, names: new Set(), unlisted: node.error === 'NO_AUTH', parent: this.stack[this.stack.length - 1] ?? null, node };
    this.stack.push(open);
    return open;
  }

  private async look(open: Open): Promise<void> {
    const parent = open.parent?.probe;
    // Under a node missing here, nothing is here either (no request needed).
    open.probe = (async () => ((await parent)?.state === 'missing' ? { state: 'missing' as const } : probeNode(this.left.session, absoluteUnder(this.left.root, open.path))))();
    const live = (open.live = await open.probe);
    const { path, node } = open;
    this.report.pending--;
    if (live.state === 'missing') this.report.only('right', path);
    if (live.state === 'noAuth') this.report.noAuth('left', path);
    if (node!.error) this.report.noAuth('right', path);
    // A file without ACLs (an empty list: ZooKeeper has none such) compares values only.
    if (live.state === 'node' && !node!.error) this.report.pair(path, live, { data: node!.data, acl: node!.acl.length > 0 ? aclKey(node!.acl) : live.acl });
  }

  async batch(nodes: ExportedNode[]): Promise<void> {
    const opened = nodes.map((n) => this.place(n));
    this.report.pending = opened.length;
    // The probe is set as soon as a node's turn comes, so that its children (later in order) can await it.
    await mapLimit(opened, COMPARE_CONCURRENCY, (open) => (this.signal.aborted ? Promise.resolve() : this.look(open)));
    await this.close();
  }

  /** The live children the file did not list under the nodes it has left behind, and all below them. */
  private async close(): Promise<void> {
    const tops: WalkItem[] = [];
    for (const open of this.closing) {
      const live = open.live ?? (await open.probe);
      if (live?.state !== 'node' || open.unlisted) continue;
      for (const name of live.children) {
        if (open.names.has(name)) continue;
        const path = joinRelative(open.path, name);
        this.report.only('left', path);
        tops.push({ path, on: 'left' });
      }
    }
    this.closing = [];
    await walkSides({ left: this.left }, tops, this.report, this.signal);
  }

  async end(): Promise<void> {
    this.closing.push(...this.stack.reverse());
    this.stack.length = 0;
    await this.close();
  }
}

async function compareWithFile(left: LiveSide, records: AsyncGenerator<ExportRecord>, report: CompareReport, signal: AbortSignal): Promise<void> {
  const comparison = new FileComparison(left, report, signal);
  let batch: ExportedNode[] = [];
  let first = true;
  for await (const record of records) {
    if (signal.aborted) break;
    if (record.kind !== 'node') continue;
    if (first && record.node.path !== '') comparison.openRoot();
    first = false;
    batch.push(record.node);
    if (batch.length === BATCH) {
      await comparison.batch(batch);
      batch = [];
    }
  }
  if (first) comparison.openRoot();
  if (signal.aborted) return void (await records.return(undefined));
  await comparison.batch(batch);
  await comparison.end();
}

/** Checks the path and the file's header (INVALID_REQUEST, NO_NODE) and returns the comparison, ready to stream. */
export async function prepareFileCompare(context: ConnectionContext, path: string, body: AsyncIterable<Uint8Array>): Promise<CompareRun> {
  await assertExists(context.session, path);
  const records = readExportFile(body);
  const head = await records.next();
  const header = head.done ? null : head.value.kind === 'header' ? head.value.header : null;
  const detail = { path, file: { root: header?.root ?? null, connection: header?.connection ?? null, exportedAt: header?.exportedAt ?? null, source: header?.source ?? 'zooscope' } };
  return compareRun(context, detail, (report, signal) => compareWithFile({ session: context.session, root: path }, records, report, signal));
}
