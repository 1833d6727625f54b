/** Records what an operator did. A change is recorded before it is made, or not made at all. */
import 'server-only';
import { ZkError, isZkError } from '@/lib/zk/errors';
import { dropAudit, finishAudit, recordAudit, type AuditOutcome, type NewAuditEntry } from './store';

/** Who did it, and on which connection (none for signing in and out). */
export interface AuditActor {
  operator: string;
  connection?: string | null;
}

type Entry = Omit<NewAuditEntry, 'operator' | 'connection'>;

/** Records one entry that changes nothing (sign-in, credentials); a broken audit file is logged and otherwise ignored. */
export function recordAs(actor: AuditActor, entry: Entry): void {
  try {
    recordAudit({ ...entry, operator: actor.operator, connection: actor.connection ?? null });
  } catch (e) {
    console.error('[zooscope] could not write the audit log:', (e as Error).message);
  }
}

/** A change recorded before it is made: finish it with what the change did. */
export interface PendingAudit {
  /** The change is complete: the entry becomes `outcome` (merged over what was recorded first). */
  done(outcome: AuditOutcome): void;
  /**
   * The change failed. `partial` says what it wrote before failing (counts, created paths): the
   * entry stays, marked failed with the error code. Null when nothing was written: the entry goes.
   */
  failed(error: unknown, partial: Record<string, unknown> | null): void;
}

/**
 * Records the intent of a change, its detail marked `outcome: "pending"`, before anything is
 * written. When the audit log cannot be written the change is refused (AUDIT_UNAVAILABLE); a
 * crash between the change and its outcome leaves the pending entry, which says so.
 */
export function beginAudit(actor: AuditActor, entry: Entry): PendingAudit {
  const detail = entry.detail ?? {};
  let id: number;
  try {
    id = recordAudit({ ...entry, detail: { ...detail, outcome: 'pending' }, operator: actor.operator, connection: actor.connection ?? null });
  } catch (e) {
    console.error('[zooscope] could not write the audit log:', (e as Error).message);
    throw new ZkError('AUDIT_UNAVAILABLE', `The change was not made: the audit log cannot be written (${(e as Error).message})`, entry.path ?? undefined);
  }
  // The change is made by now: a failure to finish its entry is logged, never reported as the change failing.
  const finish = (write: () => void) => {
    try {
      write();
    } catch (e) {
      console.error(`[zooscope] could not finish audit entry ${id}:`, (e as Error).message);
    }
  };
  return {
    done: (outcome) => finish(() => finishAudit(id, { ...outcome, detail: outcome.detail === undefined ? entry.detail ?? null : outcome.detail })),
    failed: (error, partial) =>
      finish(() =>
        partial === null
          ? dropAudit(id)
          : finishAudit(id, { detail: { ...detail, ...partial, outcome: 'failed', error: isZkError(error) ? error.code : 'INTERNAL' } }),
      ),
  };
}

/** Runs a change between beginAudit and its outcome; `partial` reports what a failed run wrote (null: nothing). */
export async function audited<T>(
  actor: AuditActor,
  entry: Entry,
  change: () => Promise<T>,
  outcome: (result: T) => AuditOutcome,
  partial: (error: unknown) => Record<string, unknown> | null = () => null,
): Promise<T> {
  const pending = beginAudit(actor, entry);
  let result: T;
  try {
    result = await change();
  } catch (e) {
    pending.failed(e, partial(e));
    throw e;
  }
  pending.done(outcome(result));
  return result;
}
