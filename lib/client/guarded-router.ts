import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { confirmLeave } from './leave-guard';
import { navigate } from './navigate';

/** router.push that asks first when leaving unsaved work (see leave-guard.ts); staying put never asks. */
export function useGuardedPush(): (href: string) => void {
  const router = useRouter();
  return useCallback(
    (href: string) => {
      const here = window.location.pathname + window.location.search;
      if (href === here || confirmLeave()) navigate(router, href);
    },
    [router],
  );
}
