'use client';

import { useQuery } from '@tanstack/react-query';
import { describeAccess, neededRole, roleAllows, type Access } from '@/lib/shared/roles';
import { connectionsQuery } from '@/lib/client/connections';
import { signInQuery } from '@/lib/client/sign-in';

/**
 * Whether the signed-in operator may do something on a connection, and if not, why: the UI
 * explains a disabled control with it. The server enforces the same rules on every request.
 */
export function useAccess(connection: string | undefined, access: Access): { allowed: boolean; reason?: string } {
  const status = useQuery(signInQuery()).data;
  const connections = useQuery(connectionsQuery()).data;
  const role = status?.user?.role;
  if (!role) return { allowed: false, reason: 'Checking who you are…' };
  if (!roleAllows(role, access)) return { allowed: false, reason: `Your role (${role}) cannot ${describeAccess(access)}; that needs the ${neededRole(access)} role.` };
  if (access !== 'read' && connections?.find((c) => c.id === connection)?.readOnly) return { allowed: false, reason: 'This connection is read-only.' };
  return { allowed: true };
}
