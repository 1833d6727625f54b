import 'server-only';
import { ZkError } from './errors';
import { checkAclForSession } from '@/lib/shared/acl-rules';
import type { NativeAcl } from './client';
import type { ZkSession } from './session';
import type { AclEntry } from '@/lib/shared/types';

/** ACL conversion: the native bitmask ↔ the "cdrwa" string of the API, native entries ↔ API entries. Pure. */

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

export function isOpenAcl(acl: AclEntry[]): boolean {
  return acl.length === 1 && acl[0].scheme === 'world' && acl[0].id === 'anyone' && acl[0].perms === 'cdrwa';
}

/** The API's ACL in the binding's form; refuses permission strings that are not "cdrwa" letters. */
export function toNativeAcl(acl: AclEntry[]): NativeAcl[] {
  return acl.map((e) => {
    const perms = permsFromString(e.perms);
    if (perms === null) throw new ZkError('INVALID_REQUEST', `Invalid permissions "${e.perms}": use letters from "cdrwa"`);
    return { scheme: e.scheme, auth: e.id, perms };
  });
}

export function fromNativeAcl(acl: NativeAcl[]): AclEntry[] {
  return acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: permsToString(e.perms) }));
}

/** Refuses, before anything is sent, an ACL ZooKeeper would refuse for this session; answers it in the binding's form. */
export function assertAcl(acl: AclEntry[], session: ZkSession, path?: string): NativeAcl[] {
  const problems = checkAclForSession(acl, session.credentials.length > 0);
  if (problems.length > 0) throw new ZkError('INVALID_REQUEST', problems.join('; '), path);
  return toNativeAcl(acl);
}
