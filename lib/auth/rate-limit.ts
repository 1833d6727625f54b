/**
 * Sign-in failures per account: after MAX_FAILURES within WINDOW_MS, further attempts for that
 * name are refused (without checking the password) until the oldest failure leaves the window.
 * Unknown names are limited the same way, so the answer never tells whether an account exists.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
/** Bound on tracked names: a flood of made-up names cannot grow memory without limit. */
const MAX_TRACKED = 10_000;

const failures = processSingleton('signInFailures', () => new Map<string, number[]>());

const keyOf = (name: string) => name.toLowerCase();

function recent(name: string, now: number): number[] {
  const list = (failures.get(keyOf(name)) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length > 0) failures.set(keyOf(name), list);
  else failures.delete(keyOf(name));
  return list;
}

/** Seconds to wait before the next attempt for this name, or 0 when one is allowed now. */
export function retryAfterSeconds(name: string, now = Date.now()): number {
  const list = recent(name, now);
  if (list.length < MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((list[list.length - MAX_FAILURES] + WINDOW_MS - now) / 1000));
}

export function recordFailure(name: string, now = Date.now()): void {
  const list = recent(name, now);
  list.push(now);
  failures.delete(keyOf(name));
  failures.set(keyOf(name), list);
  if (failures.size > MAX_TRACKED) failures.delete(failures.keys().next().value!);
}

export function clearFailures(name: string): void {
  failures.delete(keyOf(name));
}

export const SIGN_IN_LIMIT = { maxFailures: MAX_FAILURES, windowMs: WINDOW_MS };
