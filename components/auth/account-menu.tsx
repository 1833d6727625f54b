'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOut, ScrollText, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { SIGN_IN_PAGE } from '@/lib/shared/redirect';
import { Button } from '@/components/ui/button';
import { lazy } from '@/lib/client/lazy';
import { signInQuery } from '@/lib/client/sign-in';
import { useSignInRedirect } from './use-sign-in-redirect';

const signOut = lazy(() => import('@/lib/client/sign-out').then((m) => m.signOut));

/** Who is signed in (or that this is local mode), the audit log for admins, and signing out. */
export function AccountMenu({ connection }: { connection: string }) {
  useSignInRedirect();
  const t = useTranslations('auth.account');
  const tc = useTranslations('common');
  const status = useQuery(signInQuery()).data;
  const client = useQueryClient();
  const [leaving, setLeaving] = useState(false);
  const leave = () => {
    setLeaving(true);
    signOut
      .load()
      .then((run) => run(client))
      .then(
        () => window.location.assign(SIGN_IN_PAGE),
        () => setLeaving(false),
      );
  };
  if (!status) return null;
  const admin = status.user?.role === 'admin';
  return (
    <div className="flex shrink-0 items-center gap-2 text-xs">
      {admin && (
        <Link
          href={`/c/${encodeURIComponent(connection)}/audit`}
          aria-label={t('auditLog')}
          title={t('auditLog')}
          className="flex items-center rounded-md p-1.5 font-medium text-muted hover:bg-subtle hover:text-fg"
        >
          <ScrollText aria-hidden className="size-4" />
        </Link>
      )}
      {status.mode === 'local' ? (
        <Badge tone="warn" className="max-lg:hidden" title={t('localModeTitle')}>
          {t('localMode')}
        </Badge>
      ) : (
        status.user && (
          <>
            <span className="flex items-center gap-1" aria-label={t('signedInAs', { name: status.user.name, role: tc(`roles.${status.user.role}`) })}>
              <UserRound aria-hidden className="size-4 text-muted" />
              <span className="font-medium max-2xl:sr-only">{status.user.name}</span>
              <Badge>{tc(`roles.${status.user.role}`)}</Badge>
            </span>
            {/* Below 1536 px the header has no room for the words: the icon keeps the name. */}
            <Button size="sm" variant="ghost" aria-label={t('signOut')} title={t('signOut')} disabled={leaving} onClick={leave}>
              <LogOut aria-hidden />
              <span className="max-2xl:hidden">{t('signOut')}</span>
            </Button>
          </>
        )
      )}
    </div>
  );
}
