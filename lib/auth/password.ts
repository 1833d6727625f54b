/** scrypt password hashes: `scrypt$N$r$p$salt$hash` (base64). Node only; no secret is ever logged. */
import 'server-only';
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

const HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export function isPasswordHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** A well-formed hash no password matches: checked for unknown users so timing does not reveal them. */
const DECOY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_BYTES).toString('base64')}`;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const m = HASH_PATTERN.exec(hash ?? DECOY_HASH) ?? HASH_PATTERN.exec(DECOY_HASH)!;
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const expected = Buffer.from(m[5], 'base64');
  // Parameters come from our own file, but cap them so a hand-edited entry cannot exhaust memory.
  if (n > 1 << 20 || r > 32 || p > 16 || expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(m[4], 'base64'), expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return timingSafeEqual(key, expected) && hash !== null;
}
