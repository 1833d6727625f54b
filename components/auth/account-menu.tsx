'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOut, ScrollText, UserRound } from 'lucide-react';
import Link from 'next/link';
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
    <div className="flex min-w-0 items-center gap-2 text-xs">
      {admin && (
        <Link href={`/c/${encodeURIComponent(connection)}/audit`} className="flex items-center gap-1 rounded-md px-2 py-1 font-medium text-muted hover:bg-subtle hover:text-fg">
          <ScrollText aria-hidden className="size-4" />
          <span className="max-lg:sr-only">Audit log</span>
        </Link>
      )}
      {status.mode === 'local' ? (
        <Badge tone="warn" className="max-md:hidden" title="No users file: anyone who can reach this loopback address is an administrator">
          Local mode
        </Badge>
      ) : (
        status.user && (
          <>
            <span className="flex items-center gap-1" aria-label={`Signed in as ${status.user.name} (${status.user.role})`}>
              <UserRound aria-hidden className="size-4 text-muted" />
              <span className="font-medium max-md:sr-only">{status.user.name}</span>
              <Badge>{status.user.role}</Badge>
            </span>
            <Button size="sm" variant="ghost" disabled={leaving} onClick={leave}>
              <LogOut aria-hidden />
              Sign out
            </Button>
          </>
        )
      )}
    </div>
  );
}
