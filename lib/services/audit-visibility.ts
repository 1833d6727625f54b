/**
 * The audit log records values, and must not become a way around ZooKeeper's ACLs: a value is
 * shown to an operator only if they can read that node now, through their own ZooKeeper session
 * (their credentials). Otherwise — no permission, node gone, connection down or unknown — only
 * its size and a SHA-256 of the recorded bytes are shown.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { Operator } from '@/lib/auth/operator';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import type { AuditEntry, AuditValue } from '@/lib/shared/audit';
import { hiddenReason, type Hidden } from './audit-hidden';
import { openConnection } from './connections';

/** Why this operator cannot see a node's values now, or null when they can. */
async function unreadable(operator: Operator, connectionId: string, path: string): Promise<Hidden | null> {
  try {
    const { session } = openConnection(operator, connectionId, 'read');
    // Reading the data is what the node's READ permission guards.
    await session.run((h) => h.get(path));
    return null;
  } catch (e) {
    if (!isZkError(e)) throw e;
    if (e.code === 'NO_AUTH') return hiddenReason('noAuth');
    if (e.code === 'NO_NODE') return hiddenReason('noNode');
    if (e.code === 'UNKNOWN_CONNECTION') return hiddenReason('unknownConnection');
    return hiddenReason('cannotCheck', e.code);
  }
}

function hide(value: AuditValue | null, why: Hidden): AuditValue | null {
  if (!value || value.hidden) return value;
  const bytes = value.text !== null ? Buffer.from(value.text, 'utf8') : Buffer.from(value.base64 ?? '', 'base64');
  return { text: null, base64: null, size: value.size, truncated: value.truncated, hidden: { ...why, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/** The entries as this operator may see them: values of nodes they cannot read now are hidden. */
export async function visibleTo(operator: Operator, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const targets = new Map<string, { connection: string; path: string }>();
  for (const e of entries) {
    if ((e.before || e.after) && e.connection && e.path) targets.set(`${e.connection}\u0000${e.path}`, { connection: e.connection, path: e.path });
  }
  const reasons = new Map<string, Hidden | null>();
  await mapLimit([...targets], 16, async ([key, t]) => void reasons.set(key, await unreadable(operator, t.connection, t.path)));
  return entries.map((e) => {
    if (!e.before && !e.after) return e;
    const reason = e.connection && e.path ? reasons.get(`${e.connection}\u0000${e.path}`) : hiddenReason('notTiedToNode');
    return reason ? { ...e, before: hide(e.before, reason), after: hide(e.after, reason) } : e;
  });
}
