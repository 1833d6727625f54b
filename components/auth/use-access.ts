'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { neededRole, roleAllows, type Access } from '@/lib/shared/roles';
import { connectionsQuery } from '@/lib/client/connections';
import { signInQuery } from '@/lib/client/sign-in';

/**
 * Whether the signed-in operator may do something on a connection, and if not, why: the UI
 * explains a disabled control with it. The server enforces the same rules on every request.
 */
export function useAccess(connection: string | undefined, access: Access): { allowed: boolean; reason?: string } {
  const t = useTranslations('auth.access');
  const tc = useTranslations('common');
  const status = useQuery(signInQuery()).data;
  const connections = useQuery(connectionsQuery()).data;
  const role = status?.user?.role;
  if (!role) return { allowed: false, reason: t('checking') };
  if (!roleAllows(role, access)) return { allowed: false, reason: t('roleCannot', { role: tc(`roles.${role}`), access, needed: tc(`roles.${neededRole(access)}`) }) };
  if (access !== 'read' && connections?.find((c) => c.id === connection)?.readOnly) return { allowed: false, reason: t('readOnly') };
  return { allowed: true };
}
