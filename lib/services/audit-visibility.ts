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
import { openConnection } from './connections';

/** Why this operator cannot see a node's values now, or null when they can. */
async function unreadable(operator: Operator, connectionId: string, path: string): Promise<string | null> {
  try {
    const { session } = openConnection(operator, connectionId, 'read');
    // Reading the data is what the node's READ permission guards.
    await session.run((h) => h.get(path));
    return null;
  } catch (e) {
    if (!isZkError(e)) throw e;
    if (e.code === 'NO_AUTH') return 'your ZooKeeper identities cannot read this node now';
    if (e.code === 'NO_NODE') return 'the node no longer exists, so who may read it cannot be checked';
    if (e.code === 'UNKNOWN_CONNECTION') return 'the connection is no longer configured';
    return `whether you may read this node cannot be checked now (${e.code})`;
  }
}

function hide(value: AuditValue | null, reason: string): AuditValue | null {
  if (!value || value.hidden) return value;
  const bytes = value.text !== null ? Buffer.from(value.text, 'utf8') : Buffer.from(value.base64 ?? '', 'base64');
  return { text: null, base64: null, size: value.size, truncated: value.truncated, hidden: { reason, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/** The entries as this operator may see them: values of nodes they cannot read now are hidden. */
export async function visibleTo(operator: Operator, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const targets = new Map<string, { connection: string; path: string }>();
  for (const e of entries) {
    if ((e.before || e.after) && e.connection && e.path) targets.set(`${e.connection}\u0000${e.path}`, { connection: e.connection, path: e.path });
  }
  const reasons = new Map<string, string | null>();
  await mapLimit([...targets], 16, async ([key, t]) => void reasons.set(key, await unreadable(operator, t.connection, t.path)));
  return entries.map((e) => {
    if (!e.before && !e.after) return e;
    const reason = e.connection && e.path ? reasons.get(`${e.connection}\u0000${e.path}`) : 'it is not tied to a node';
    return reason ? { ...e, before: hide(e.before, reason), after: hide(e.after, reason) } : e;
  });
}
