/**
 * An error as the operator reads it, in the dashboard's language: the title and message come
 * from the `errors` catalog by the API's stable `code` (with the path where there is one). The
 * API's own messages stay English (a stable contract): in English the server's message is shown
 * as it is (it is the most specific); in another language it is kept as a detail under the
 * translated message, so nothing the server said is lost.
 */
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { DEFAULT_LOCALE } from '@/lib/shared/locales';
import { isApiError } from './api-client';

export interface ErrorDescription {
  title: string;
  message: string;
  /** The server's English message, when `message` is a translation of it. */
  detail?: string;
}

/** `const describe = useDescribeError(); const { title, message, detail } = describe(error);` */
export function useDescribeError(): (error: unknown) => ErrorDescription {
  const t = useTranslations('errors');
  const english = useLocale() === DEFAULT_LOCALE;
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return { title: t('unexpected.title'), message: t('unexpected.message') };
      const { code, path } = error;
      const title = t(`codes.${code}.title`);
      // Only some codes have a sentence with the path; the cast names one of them for the types.
      const atPath = `codes.${code}.atPath` as 'codes.NO_NODE.atPath';
      const translated = path && t.has(atPath) ? t(atPath, { path }) : t(`codes.${code}.message`);
      // NETWORK and NO_NODE at a path say all there is: the catalog's sentence, in every language.
      if (code === 'NETWORK' || (code === 'NO_NODE' && path)) return { title, message: translated };
      if (english) return { title, message: error.message || translated };
      return { title, message: translated, detail: error.message && error.message !== translated ? error.message : undefined };
    },
    [t, english],
  );
}
