'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { SIGN_IN_PAGE } from '@/lib/shared/redirect';
import { isApiError } from '@/lib/client/api-client';

/** Sends the browser to the sign-in page as soon as any request says the session is gone. */
export function useSignInRedirect(): void {
  const client = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    let redirected = false;
    const redirect = (error: unknown) => {
      if (redirected || !isApiError(error, 'UNAUTHENTICATED')) return;
      redirected = true;
      const here = `${window.location.pathname}${window.location.search}`;
      router.push(`${SIGN_IN_PAGE}?next=${encodeURIComponent(here)}&expired=1`);
      // Nothing read under the ended session may stay in memory (signing in reloads the page).
      client.clear();
    };
    const queries = client.getQueryCache().subscribe((e) => e.type === 'updated' && e.action.type === 'error' && redirect(e.action.error));
    const mutations = client.getMutationCache().subscribe((e) => e.type === 'updated' && e.action.type === 'error' && redirect(e.action.error));
    return () => {
      queries();
      mutations();
    };
  }, [client, router]);
}
