/**
 * Failed sign-ins in the audit log, aggregated: the first failure for a name is recorded at
 * once, the ones after it within AGGREGATE_MS are counted and recorded as one entry (how many,
 * from when to when, from which addresses) when that window closes, or when the account signs in.
 * A guessing run of thousands of attempts is two rows, not thousands.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { recordAs } from '@/lib/audit/recorder';

export const AGGREGATE_MS = 5 * 60_000;
const MAX_ADDRESSES = 10;
/** Unknown names are aggregated under one operator; the names themselves are not recorded. */
export const UNKNOWN_OPERATOR = '(unknown user)';

interface Window {
  first: number;
  last: number;
  /** Failures after the first, not yet recorded. */
  more: number;
  addresses: Set<string>;
}

const state = processSingleton('failedSignIns', () => ({
  open: new Map<string, Window>(),
  timer: setInterval(() => flushFailedSignIns(), 60_000).unref(),
}));

function write(operator: string, w: Window): void {
  recordAs({ operator }, {
    operation: 'sign_in_failed',
    detail: { failures: w.more, from: w.first, to: w.last, addresses: [...w.addresses], aggregated: true },
  });
}

export function noteFailedSignIn(operator: string, address: string, reason: string, now = Date.now()): void {
  const open = state.open.get(operator);
  if (!open) {
    state.open.set(operator, { first: now, last: now, more: 0, addresses: new Set() });
    recordAs({ operator }, { operation: 'sign_in_failed', detail: { reason, address, failures: 1 } });
    return;
  }
  open.more++;
  open.last = now;
  if (open.addresses.size < MAX_ADDRESSES) open.addresses.add(address);
}

/** Records the windows that have closed (all of them with `everything`, or one operator's). */
export function flushFailedSignIns(opts: { now?: number; operator?: string; everything?: boolean } = {}): void {
  const now = opts.now ?? Date.now();
  for (const [operator, w] of state.open) {
    const closed = opts.everything || operator === opts.operator || now - w.first >= AGGREGATE_MS;
    if (!closed) continue;
    state.open.delete(operator);
    if (w.more > 0) write(operator, w);
  }
}
