/** Records what an operator did; the audit log never undoes or fails what it records. */
import 'server-only';
import { recordAudit, type NewAuditEntry } from './store';

/** Who did it, and on which connection (none for signing in and out). */
export interface AuditActor {
  operator: string;
  connection?: string | null;
}

/** Records one entry by the actor; a broken audit file is logged and otherwise ignored. */
export function recordAs(actor: AuditActor, entry: Omit<NewAuditEntry, 'operator' | 'connection'>): void {
  try {
    recordAudit({ ...entry, operator: actor.operator, connection: actor.connection ?? null });
  } catch (e) {
    console.error('[zooscope] could not write the audit log:', (e as Error).message);
  }
}
