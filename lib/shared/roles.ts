/** Operator roles and what each may do. Pure: the browser uses it to label controls. */

/** Local mode: loopback only, the local user is admin; users mode: every request signs in. */
export type AuthMode = 'local' | 'users';

export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** What a route needs: reading, changing data and nodes, or administration (ACLs, connections, audit). */
export type Access = 'read' | 'write' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const NEEDED: Record<Access, Role> = { read: 'viewer', write: 'editor', admin: 'admin' };

export function roleAllows(role: Role, access: Access): boolean {
  return RANK[role] >= RANK[NEEDED[access]];
}

export function describeAccess(access: Access): string {
  return access === 'admin' ? 'change ACLs, manage connections or read the audit log' : access === 'write' ? 'change data or nodes' : 'read';
}

export function neededRole(access: Access): Role {
  return NEEDED[access];
}
