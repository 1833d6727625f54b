/** ACL permission codec: the native bitmask ↔ the "cdrwa" string of the API. Pure. */
import type { AclEntry } from '@/lib/shared/types';

const PERM_BITS: ReadonlyArray<[string, number]> = [
  ['c', 4],
  ['d', 8],
  ['r', 1],
  ['w', 2],
  ['a', 16],
];

export function permsToString(mask: number): string {
  return PERM_BITS.filter(([, bit]) => (mask & bit) !== 0)
    .map(([ch]) => ch)
    .join('');
}

/** Parses "cdrwa" (any order, each letter once); returns null when the string is not valid. */
export function permsFromString(perms: string): number | null {
  let mask = 0;
  for (const ch of perms) {
    const bit = PERM_BITS.find(([c]) => c === ch)?.[1];
    if (bit === undefined || (mask & bit) !== 0) return null;
    mask |= bit;
  }
  return mask;
}

export const OPEN_ACL: AclEntry[] = [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }];
