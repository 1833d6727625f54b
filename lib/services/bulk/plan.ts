/**
 * What an import or copy does to each node, decided in the order the nodes come (pre-order) with
 * the target's state read ahead: a node whose parent is to be created does not exist (no read);
 * any other is looked up, its version kept for a conditional overwrite. Dry runs, the conflict
 * check of `onConflict=fail` and the writes all use this one plan.
 */
import 'server-only';
import { fromNativeAcl } from '@/lib/zk/acl';
import { isZkError } from '@/lib/zk/errors';
import type { ZkSession } from '@/lib/zk/session';
import type { MessageParams } from '@/lib/shared/ensemble';
import type { BulkReasonCode, ExportedNode, OnConflict, PlanAction } from '@/lib/shared/export-format';
import { isWithin, joinPath } from '@/lib/shared/path';
import type { AclEntry } from '@/lib/shared/types';
import { reasonOf } from './reasons';

export interface PlanOptions {
  /** Where the file's root goes (absolute). */
  target: string;
  onConflict: OnConflict;
  /** `keep`: an overwritten node keeps its ACL (created ones always get the file's). */
  acl: 'file' | 'keep';
  /** Ephemeral nodes of the file: skipped (they belong to a session), or created persistent. */
  ephemeral: 'skip' | 'persistent';
  /** Whether the parent of the file's top nodes is created by this run (so none of them exists). */
  parentCreated: boolean;
  /** How many nodes are looked up ahead. */
  window?: number;
}

export interface Step {
  node: ExportedNode;
  target: string;
  action: PlanAction;
  /** Why it is skipped or refused (English), with its code for the catalogs. */
  reason?: string;
  reasonCode?: BulkReasonCode;
  params?: MessageParams;
  /** For an error: its code. */
  code?: string;
  /** update: the version and ACL version read just before. */
  version?: number;
  aversion?: number;
  /** update: the ACL to set after the data (when it differs and `acl=file`). */
  newAcl?: AclEntry[];
}

type ParentState = 'absent' | 'present' | 'missing';

const SYSTEM = '/zookeeper';
const sameAcl = (a: AclEntry[], b: AclEntry[]) =>
  a.length === b.length && a.every((e, i) => e.scheme === b[i].scheme && e.id === b[i].id && e.perms === b[i].perms);

/** ZooKeeper hides a digest ACL's hash ("alice:x") from a reader without ADMIN permission. */
const redacted = (e: AclEntry) => e.scheme === 'digest' && e.id.endsWith(':x');

const parentOf = (rel: string) => (rel === '' ? null : rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');

/** The absolute target path of a node of the file. */
export function targetOf(target: string, rel: string): string {
  return rel === '' ? target : joinPath(target, rel);
}

async function lookUp(session: ZkSession, path: string): Promise<{ version: number; aversion: number; acl: AclEntry[] } | null> {
  try {
    const { acl, stat } = await session.run((h) => h.getAcl(path));
    return { version: stat.version, aversion: stat.aversion, acl: fromNativeAcl(acl) };
  } catch (e) {
    if (isZkError(e) && e.code === 'NO_NODE') return null;
    throw e;
  }
}

async function decide(session: ZkSession, node: ExportedNode, parent: ParentState, o: PlanOptions): Promise<Step> {
  const target = targetOf(o.target, node.path);
  const step = (action: PlanAction, extra: Partial<Step> = {}): Step => ({ node, target, action, ...extra });
  const why = (action: PlanAction, code: BulkReasonCode, extra: Partial<Step> = {}, params?: MessageParams) => step(action, { ...reasonOf(code, params), ...extra });
  if (parent === 'missing') return why('refuse', 'parentNotWritten', { code: 'NO_NODE' });
  if (node.error) return why('skip', 'unreadableExport', { code: node.error });
  if (node.ephemeral && o.ephemeral === 'skip') return why('skip', 'ephemeral');
  if (node.acl.some(redacted)) return why('refuse', 'redactedAcl', { code: 'NO_AUTH' });
  const current = parent === 'absent' ? null : await lookUp(session, target);
  if (isWithin(target, SYSTEM)) return current ? why('skip', 'systemNode') : why('refuse', 'systemCreate', { code: 'FORBIDDEN' }, { system: SYSTEM });
  if (!current) return step('create');
  if (o.onConflict === 'skip') return why('skip', 'exists');
  if (o.onConflict === 'fail') return why('refuse', 'exists', { code: 'NODE_EXISTS' });
  if (target === '/') return why('skip', 'rootData');
  const newAcl = o.acl === 'file' && node.acl.length > 0 && !sameAcl(current.acl, node.acl) ? node.acl : undefined;
  return step('update', { version: current.version, aversion: current.aversion, ...(newAcl ? { newAcl } : {}) });
}

/** What a step leaves for its children: a node to be created (nothing below it yet), one that is there, or none. */
function stateOf(s: Step): ParentState {
  if (s.action === 'create') return 'absent';
  const there = s.action === 'update' || (s.action === 'skip' && !s.code) || s.code === 'NODE_EXISTS';
  return there ? 'present' : 'missing';
}

/** The steps for `nodes`, in their order; look-ups run `window` nodes ahead. */
export async function* planSteps(session: ZkSession, nodes: AsyncIterable<ExportedNode>, o: PlanOptions): AsyncGenerator<Step> {
  const window = o.window ?? 128;
  // Every node's state, for its children to come: a path (a string) and a settled promise each.
  const states = new Map<string, Promise<ParentState>>([['', Promise.resolve(o.parentCreated ? 'absent' : 'present')]]);
  const rootParent: Promise<ParentState> = Promise.resolve(o.parentCreated ? 'absent' : 'present');
  const ahead: Array<Promise<Step>> = [];
  const start = (node: ExportedNode) => {
    const parentRel = parentOf(node.path);
    const parent = parentRel === null ? rootParent : (states.get(parentRel) ?? Promise.resolve<ParentState>('missing'));
    const decided = parent.then((p) => decide(session, node, p, o));
    // A ZooNavigator file has no root line: its top nodes' parent is the target itself ("").
    states.set(node.path, decided.then(stateOf, () => 'missing'));
    // Rejections surface when the step is taken; the chained copy must not be unhandled meanwhile.
    decided.catch(() => {});
    ahead.push(decided);
  };
  for await (const node of nodes) {
    start(node);
    if (ahead.length >= window) yield await ahead.shift()!;
  }
  while (ahead.length > 0) yield await ahead.shift()!;
}
