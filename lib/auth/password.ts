/**
 * scrypt password hashes: `scrypt$N$r$p$salt$hash` (base64), at OWASP's current parameters
 * (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred ms per check). At most MAX_CONCURRENT checks
 * run at once — each holds a libuv thread and its memory, and unbounded they starve every other
 * request — and at most MAX_WAITING wait; beyond that a sign-in is refused as busy.
 * Node only; no secret is ever logged.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZkError } from '@/lib/zk/errors';

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
export const MAX_CONCURRENT_CHECKS = 2;
export const MAX_WAITING_CHECKS = 64;

/** scrypt needs 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default). */
const maxmem = (n: number, r: number) => 128 * n * r + 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const slots = processSingleton('scrypt', () => ({ running: 0, waiting: [] as Array<() => void> }));

/** Runs `fn` when one of MAX_CONCURRENT_CHECKS slots is free (FIFO). */
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.running >= MAX_CONCURRENT_CHECKS) {
    if (slots.waiting.length >= MAX_WAITING_CHECKS) {
      throw new ZkError('RATE_LIMITED', 'Too many sign-ins are being checked right now; try again in a few seconds', undefined, { retryAfterSeconds: 2 });
    }
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  } else slots.running++;
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else slots.running--;
  }
}

/** Password checks running and waiting now (for tests and status). */
export function passwordCheckLoad(): { running: number; waiting: number } {
  return { running: slots.running, waiting: slots.waiting.length };
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT;
  const salt = randomBytes(16);
  const key = await limited(() => scrypt(password, salt, KEY_BYTES, { N, r, p, maxmem: maxmem(N, r) }));
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

const HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export function isPasswordHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** Whether a (valid) hash was made with weaker parameters than today's: rehash it on sign-in. */
export function needsRehash(hash: string): boolean {
  const m = HASH_PATTERN.exec(hash);
  return !m || Number(m[1]) < SCRYPT.N || Number(m[2]) < SCRYPT.r || Number(m[3]) < SCRYPT.p;
}

/** A well-formed hash no password matches: checked for unknown users so timing does not reveal them. */
const DECOY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_BYTES).toString('base64')}`;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const m = HASH_PATTERN.exec(hash ?? DECOY_HASH) ?? HASH_PATTERN.exec(DECOY_HASH)!;
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const expected = Buffer.from(m[5], 'base64');
  // Parameters come from our own file, but cap them so a hand-edited entry cannot exhaust memory.
  if (n > 2 ** 18 || r > 16 || p > 16 || expected.length < 16) return false;
  const key = await limited(() => scrypt(password, Buffer.from(m[4], 'base64'), expected.length, { N: n, r, p, maxmem: maxmem(n, r) }));
  return timingSafeEqual(key, expected) && hash !== null;
}
