import { Lock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { NoAuthOperation } from './no-auth-notice';

/** One-line NO_AUTH explanation for places with no room for the full notice (a tree row). */
export function NoAuthInline({ operation }: { operation: NoAuthOperation }) {
  const t = useTranslations('auth.noAuth');
  const explanation = t('inline', { operation });
  return (
    <span className="flex min-w-0 items-center gap-1 text-warn" title={explanation}>
      <Lock aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        {t('title')}
        <span className="sr-only">: {explanation}</span>
      </span>
    </span>
  );
}
