'use client';

import { useTheme } from 'next-themes';
import type { ExternalToast } from 'sonner';
import { lazy, useLazy } from '@/lib/client/lazy';

/**
 * Toasts (sonner), fetched with the first one shown: most page loads never show a toast, and the
 * library is a good share of the app shell. Sonner hands a late Toaster the toasts it missed.
 */
const sonner = lazy(() => import('sonner'));

function show(kind: 'success' | 'error' | 'warning', message: string, data?: ExternalToast): void {
  sonner.load().then(
    (m) => m.toast[kind](message, data),
    // Without its chunk there is nowhere to show the toast; the action it reports has happened.
    () => undefined,
  );
}

export const toast = {
  success: (message: string, data?: ExternalToast) => show('success', message, data),
  error: (message: string, data?: ExternalToast) => show('error', message, data),
  warning: (message: string, data?: ExternalToast) => show('warning', message, data),
};

/** Where toasts appear, in the current theme; mounted once sonner has been fetched. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  const loaded = useLazy(sonner);
  if (!loaded) return null;
  return <loaded.Toaster theme={resolvedTheme === 'dark' ? 'dark' : 'light'} position="bottom-right" closeButton />;
}
