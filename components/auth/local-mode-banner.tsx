'use client';

import { useQuery } from '@tanstack/react-query';
import { ShieldAlert, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { signInQuery } from '@/lib/client/sign-in';
import { useStoredFlag } from '@/lib/client/stored-flag';

/** Local mode has no sign-in: say so, and how to share the dashboard safely (until dismissed in this browser). */
export function LocalModeBanner() {
  const status = useQuery(signInQuery()).data;
  const [dismissed, setDismissed] = useStoredFlag('zooscope:local-mode-banner-dismissed');
  if (status?.mode !== 'local' || dismissed !== false) return null;
  return (
    <div role="note" aria-label="Local mode" className="flex items-center gap-2 border-b border-warn/40 bg-warn-soft px-4 py-1 text-xs">
      <ShieldAlert aria-hidden className="size-4 shrink-0 text-warn" />
      <span>
        <strong>Local mode:</strong> no sign-in, served on this machine&apos;s loopback address only. To share the dashboard, create users with{' '}
        <code className="font-mono">npm run user -- add NAME --role admin --password-stdin</code> and set <code className="font-mono">ZOOSCOPE_USERS_FILE</code>.
      </span>
      <Button size="icon" variant="ghost" className="ml-auto shrink-0" aria-label="Dismiss the local mode notice" onClick={() => setDismissed(true)}>
        <X aria-hidden />
      </Button>
    </div>
  );
}
