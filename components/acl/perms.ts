/** Permission letters ↔ sets, in ZooKeeper's "cdrwa" order. Pure. */
import { PERMISSIONS } from '@/lib/shared/acl-rules';

export type PermLetter = (typeof PERMISSIONS)[number]['letter'];

export function togglePerm(perms: string, letter: PermLetter, on: boolean): string {
  return PERMISSIONS.map((p) => p.letter)
    .filter((l) => (l === letter ? on : perms.includes(l)))
    .join('');
}
