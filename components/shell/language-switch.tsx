'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Select } from '@/components/ui/input';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES } from '@/lib/shared/locales';

/**
 * The dashboard's language, remembered in a cookie. Switching re-renders the server components
 * (router.refresh) in the new language while every client component keeps its state: the open
 * node, an editor's unsaved text, the live stream.
 */
export function LanguageSwitch() {
  const t = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: string) => {
    if (!isLocale(next)) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
    startTransition(() => router.refresh());
  };
  return (
    <Select compact aria-label={t('language')} title={t('language')} value={locale} disabled={pending} onChange={(e) => choose(e.target.value)}>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </Select>
  );
}
