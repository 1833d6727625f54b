/**
 * Sign-in throttling with backoff, never a lockout by name. Failures count per (account, client
 * address) — a stranger elsewhere cannot slow the owner down — and per client address over all
 * names, so a flood of made-up names from one place is held back too. Past the free attempts,
 * each failure doubles the wait (1 s, 2 s, 4 s … up to 15 min). A success clears its account's
 * counter for that address. Counters with a wait still running are never dropped: when the table
 * is full of them, new names are refused until some expire.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';

interface Policy {
  free: number;
  baseMs: number;
  maxMs: number;
}

export const SIGN_IN_LIMIT = {
  /** Per account and address. */
  account: { free: 5, baseMs: 1000, maxMs: 15 * 60_000 } satisfies Policy,
  /** Per address, all names together. */
  address: { free: 30, baseMs: 1000, maxMs: 15 * 60_000 } satisfies Policy,
  /** A counter without a failure for this long, and no wait running, is forgotten. */
  forgetMs: 15 * 60_000,
  maxTracked: 100_000,
};

interface Counter {
  failures: number;
  last: number;
  until: number;
}

const counters = processSingleton('signInThrottle', () => new Map<string, Counter>());

const accountKey = (name: string, address: string) => `a\u0000${name.toLowerCase()}\u0000${address}`;
const addressKey = (address: string) => `i\u0000${address}`;

const inactive = (c: Counter, now: number) => c.until <= now && now - c.last > SIGN_IN_LIMIT.forgetMs;

function current(key: string, now: number): Counter | null {
  const c = counters.get(key);
  if (c && inactive(c, now)) {
    counters.delete(key);
    return null;
  }
  return c ?? null;
}

/** Drops forgotten counters, oldest first, until there is room; false when every one is active. */
function makeRoom(now: number): boolean {
  if (counters.size < SIGN_IN_LIMIT.maxTracked) return true;
  for (const [key, c] of counters) {
    if (inactive(c, now)) counters.delete(key);
    if (counters.size < SIGN_IN_LIMIT.maxTracked) return true;
  }
  return false;
}

function bump(key: string, policy: Policy, now: number): void {
  const c = current(key, now) ?? { failures: 0, last: now, until: 0 };
  c.failures++;
  c.last = now;
  if (c.failures > policy.free) c.until = now + Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, c.failures - policy.free - 1));
  counters.delete(key); // re-inserted: the map stays ordered by last failure
  counters.set(key, c);
}

const waitOf = (c: Counter | null, now: number) => (c && c.until > now ? Math.ceil((c.until - now) / 1000) : 0);

/** Seconds to wait before this address may try this name, or 0 (a minute when the table is full of running waits). */
export function retryAfterSeconds(name: string, address: string, now = Date.now()): number {
  const wait = Math.max(waitOf(current(accountKey(name, address), now), now), waitOf(current(addressKey(address), now), now));
  if (wait > 0) return wait;
  return counters.has(accountKey(name, address)) || makeRoom(now) ? 0 : 60;
}

/** Counts one failed attempt (before the slow check, so parallel guesses cannot slip past). */
export function recordFailure(name: string, address: string, now = Date.now()): void {
  bump(accountKey(name, address), SIGN_IN_LIMIT.account, now);
  bump(addressKey(address), SIGN_IN_LIMIT.address, now);
}

/** The attempt was right after all: its account's counter for this address is cleared. */
export function clearFailures(name: string, address: string): void {
  counters.delete(accountKey(name, address));
  const c = counters.get(addressKey(address));
  if (c && c.failures > 0) c.failures--;
}

/** Counters held now (for tests). */
export function trackedCounters(): number {
  return counters.size;
}
