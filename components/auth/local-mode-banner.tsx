'use client';

import { useQuery } from '@tanstack/react-query';
import { ShieldAlert, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { signInQuery } from '@/lib/client/sign-in';
import { useStoredFlag } from '@/lib/client/stored-flag';

/** Local mode has no sign-in: say so, and how to share the dashboard safely (until dismissed in this browser). */
export function LocalModeBanner() {
  const t = useTranslations('auth.localBanner');
  const status = useQuery(signInQuery()).data;
  const [dismissed, setDismissed] = useStoredFlag('zooscope:local-mode-banner-dismissed');
  if (status?.mode !== 'local' || dismissed !== false) return null;
  return (
    <div role="note" aria-label={t('label')} className="flex items-center gap-2 border-b border-warn/40 bg-warn-soft px-4 py-1 text-xs">
      <ShieldAlert aria-hidden className="size-4 shrink-0 text-warn" />
      <span>
        {t.rich('body', {
          strong: (chunks) => <strong>{chunks}</strong>,
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </span>
      <Button size="icon" variant="ghost" className="ml-auto shrink-0" aria-label={t('dismiss')} onClick={() => setDismissed(true)}>
        <X aria-hidden />
      </Button>
    </div>
  );
}
