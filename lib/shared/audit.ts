/** Audit log shapes shared by the server, the REST API and the audit page. Pure. */

export const AUDIT_OPERATIONS = ['create', 'set', 'delete', 'acl', 'auth_add', 'auth_drop', 'sign_in', 'sign_in_failed', 'sign_out', 'connection_add', 'connection_edit', 'connection_remove', 'connection_test', 'bookmark_add', 'bookmark_remove', 'export', 'import', 'copy', 'move', 'undo', 'compare'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/** A value as recorded: text when it was UTF-8, otherwise base64; both cut at the size bound. */
export interface AuditValue {
  text: string | null;
  base64: string | null;
  /** Size of the whole value in bytes. */
  size: number;
  truncated: boolean;
  /**
   * Set when the value is withheld from this reader (text and base64 are then null): why, and
   * the SHA-256 (hex) of the recorded bytes, so equal values can still be told apart. `reason`
   * is English; `reasonCode` (with `params`) names it for the catalogs.
   */
  hidden?: { reason: string; sha256: string; reasonCode?: HiddenReasonCode; params?: { code: string } };
}

/** Why a recorded value is hidden from this reader. */
export type HiddenReasonCode = 'noAuth' | 'noNode' | 'unknownConnection' | 'cannotCheck' | 'notTiedToNode';

export interface AuditEntry {
  id: number;
  /** Milliseconds since the epoch. */
  time: number;
  operator: string;
  connection: string | null;
  path: string | null;
  operation: AuditOperation;
  /** Data version for create/set/delete, ACL version (aversion) for acl. */
  versionBefore: number | null;
  versionAfter: number | null;
  before: AuditValue | null;
  after: AuditValue | null;
  /** Operation specifics: create mode, recursive counts, the identity added, and so on. */
  detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  /** The path and everything below it. */
  path?: string;
  operator?: string;
  connection?: string;
  operation?: AuditOperation;
  /** Inclusive bounds, milliseconds since the epoch. */
  from?: number;
  to?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: number | null;
}
