'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { SIGN_IN_PAGE } from '@/lib/shared/redirect';
import { isApiError } from '@/lib/client/api-client';

/** Sends the browser to the sign-in page as soon as any request says the session is gone. */
export function useSignInRedirect(): void {
  const client = useQueryClient();
  useEffect(() => {
    const redirect = (error: unknown) => {
      if (!isApiError(error, 'UNAUTHENTICATED')) return;
      const here = `${window.location.pathname}${window.location.search}`;
      window.location.assign(`${SIGN_IN_PAGE}?next=${encodeURIComponent(here)}&expired=1`);
    };
    const queries = client.getQueryCache().subscribe((e) => e.type === 'updated' && e.action.type === 'error' && redirect(e.action.error));
    const mutations = client.getMutationCache().subscribe((e) => e.type === 'updated' && e.action.type === 'error' && redirect(e.action.error));
    return () => {
      queries();
      mutations();
    };
  }, [client]);
}
