/**
 * The export file (docs/export-format.md) and the wire shapes of export, import, copy and undo
 * (docs/api.md, Bulk). Pure: the server writes and reads these, the browser shows them.
 */
import type { MessageParams } from './ensemble';
import { checkPath } from './path';
import type { AclEntry, ZkStat } from './types';

export const EXPORT_FORMAT = 'zooscope-export';
export const EXPORT_VERSION = 1;

/** Line 1 of an export file. */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** The absolute path that was exported; node paths are relative to it. */
  root: string;
  /** The connection's name (a ZooNavigator file: null). */
  connection: string | null;
  /** ISO 8601, UTC. */
  exportedAt: string;
  /** How many node lines follow, when known up front. */
  nodes?: number;
  /** Set by the reader for a ZooNavigator file (which has no header: its trees import below the target). */
  source?: 'zoonavigator';
}

/** One node line: `path` is relative to the root ("" for the root, "a/b" below it). */
export interface ExportNodeLine {
  path: string;
  /** The value, base64 (absent on an unreadable node). */
  data?: string;
  acl?: AclEntry[];
  stat?: ZkStat;
  ephemeral?: true;
  /** The node could not be read: it is listed, never silently dropped. */
  error?: 'NO_AUTH';
}

/** The last line of an export file. */
export interface ExportSummaryLine {
  summary: { nodes: number; errors: number; bytes: number };
}

/** A node as the reader hands it on (both formats). */
export interface ExportedNode {
  path: string;
  data: Buffer;
  acl: AclEntry[];
  stat?: ZkStat;
  ephemeral?: boolean;
  error?: 'NO_AUTH';
  /** The line of the file it came from (1-based; ZooNavigator files: the node's index + 2). */
  line: number;
}

export const ON_CONFLICT = ['fail', 'skip', 'overwrite'] as const;
export type OnConflict = (typeof ON_CONFLICT)[number];

/** A progress line of import, copy and undo. */
export interface BulkProgress {
  done: number;
  total: number;
}

export type PlanAction = 'create' | 'update' | 'skip' | 'refuse';

/**
 * The server's sentences about one node of a run (why a step is skipped or refused, or what went
 * wrong): the browser renders each from its catalog (`bulk.reasons`) with `params`.
 */
export type BulkReasonCode =
  | 'parentOfTarget'
  | 'parentNotWritten'
  | 'unreadableExport'
  | 'ephemeral'
  | 'redactedAcl'
  | 'systemNode'
  | 'systemCreate'
  | 'exists'
  | 'rootData'
  | 'existsFail'
  | 'sourceKept'
  | 'refused';

/** What a dry run would do to one node (absolute target path). */
export interface PlanEntry {
  path: string;
  action: PlanAction;
  /** Why it is skipped or refused, in English (e.g. "exists"); `reasonCode` and `params` name it for the catalogs. */
  reason?: string;
  reasonCode?: BulkReasonCode;
  params?: MessageParams;
}

export interface BulkError {
  /** Absolute path on the target (or the source, for a move's delete). */
  path: string;
  code: string;
  /** English; `messageCode` and `params` name it for the catalogs (without one, `code` does). */
  message: string;
  messageCode?: BulkReasonCode;
  params?: MessageParams;
}

/** What to send to `POST …/connections/{connection}/undo` to remove what a run created. */
export interface UndoPlan {
  connection: string;
  /** Absolute paths created by the run, in creation order (parents first). */
  created: string[];
}

export interface BulkResult {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: BulkError[];
  dryRun: boolean;
  /** How many transactions were sent. */
  transactions: number;
  /** Parents of the target that were created first. */
  parentsCreated: string[];
  /** Move only: source nodes deleted. */
  deleted?: number;
  /** Dry run only: one entry per node of the file. */
  plan?: PlanEntry[];
  /** Present when something was created: the one action that removes it. */
  undo?: UndoPlan;
}

export interface BulkResultLine {
  result: BulkResult;
}

/** A line of an import, copy or undo stream: progress, the result, or the error envelope. */
export type BulkLine = BulkProgress | BulkResultLine | { error: { code: string; message: string } };

/** `POST …/copy` body. */
export interface CopyRequest {
  from: string;
  to: string;
  /** Another connection's id (cluster to cluster); default the same connection. */
  targetConnection?: string;
  move?: boolean;
  onConflict?: OnConflict;
}

/** `POST …/undo` answer (also streamed as progress lines first). */
export interface UndoResult {
  deleted: number;
  /** Nodes left because they changed or gained children since the run. */
  kept: BulkError[];
}

export const isProgressLine = (l: BulkLine): l is BulkProgress => 'done' in l && typeof (l as BulkProgress).done === 'number';
export const isResultLine = (l: BulkLine): l is BulkResultLine => 'result' in l;

/** Why a path of a node line is not acceptable (relative: "" or "a/b"), or null. */
export function checkRelativePath(path: unknown): string | null {
  if (typeof path !== 'string') return 'path must be a string';
  if (path === '') return null;
  if (path.startsWith('/') || path.endsWith('/')) return `path "${path}" must be relative to the root, without a leading or trailing /`;
  const check = checkPath(`/${path}`);
  return check.ok ? null : `path "${path}": ${check.reason}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a parsed line 1 is not our header, or null. */
export function checkHeader(v: unknown): string | null {
  if (!isObject(v) || v.format !== EXPORT_FORMAT) return `it is not a Zooscope export (line 1 must be {"format":"${EXPORT_FORMAT}",…}) nor a ZooNavigator export`;
  if (v.version !== EXPORT_VERSION) return `version ${JSON.stringify(v.version)} is not one this Zooscope reads (${EXPORT_VERSION})`;
  const root = checkPath(v.root);
  if (!root.ok) return `root: ${root.reason}`;
  if (typeof v.exportedAt !== 'string') return 'exportedAt must be a string';
  if (v.nodes !== undefined && !(Number.isInteger(v.nodes) && (v.nodes as number) >= 0)) return 'nodes must be a whole number';
  return null;
}

/** Why an ACL list of a node line is not acceptable, or null. */
export function checkAclList(acl: unknown): string | null {
  if (!Array.isArray(acl)) return 'acl must be a list';
  for (const e of acl) {
    if (!isObject(e) || typeof e.scheme !== 'string' || typeof e.id !== 'string' || typeof e.perms !== 'string') return 'each acl entry must be {scheme, id, perms}';
    if (!/^(?!.*(.).*\1)[cdrwa]*$/.test(e.perms)) return `acl perms "${e.perms}" must be letters of "cdrwa", each once`;
  }
  return null;
}

/** Why a parsed node line is not acceptable (its data is checked by the reader), or null. */
export function checkNodeLine(v: unknown): string | null {
  if (!isObject(v)) return 'a node line must be a JSON object';
  const path = checkRelativePath(v.path);
  if (path) return path;
  if (v.error !== undefined) return v.error === 'NO_AUTH' ? null : `error ${JSON.stringify(v.error)} is not one of: NO_AUTH`;
  if (typeof v.data !== 'string') return 'data must be a base64 string';
  if (v.acl !== undefined) {
    const acl = checkAclList(v.acl);
    if (acl) return acl;
  }
  if (v.ephemeral !== undefined && typeof v.ephemeral !== 'boolean') return 'ephemeral must be true or false';
  if (v.stat !== undefined && !isObject(v.stat)) return 'stat must be an object';
  return null;
}

/** Why a parsed summary line is not acceptable, or null. */
export function checkSummary(v: Record<string, unknown>, nodes: number): string | null {
  const s = v.summary;
  if (!isObject(s) || !Number.isInteger(s.nodes)) return 'the summary line must be {"summary":{"nodes":n,…}}';
  return s.nodes === nodes ? null : `the summary counts ${s.nodes as number} nodes but the file has ${nodes}: it is incomplete`;
}
