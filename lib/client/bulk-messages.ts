/**
 * The server's per-node sentences of an import, copy, move or undo in the dashboard's language:
 * a dry run's reasons and the errors' messages by their `reasonCode`/`messageCode` (the `bulk`
 * catalog), an error without one by its error `code` (the `errors` catalog, with the path). An
 * unknown code keeps the server's English.
 */
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { isErrorCode } from '@/lib/shared/errors';
import type { BulkError, PlanEntry } from '@/lib/shared/export-format';
import { DEFAULT_LOCALE } from '@/lib/shared/locales';
import { ApiError } from './api-client';
import { byCode, type LooseTranslator } from './coded-messages';
import { useDescribeError } from './errors';

export interface BulkErrorText {
  text: string;
  /** The server's English, when `text` is a translation of it by the error's code alone. */
  detail?: string;
}

export function useBulkMessages() {
  const t = useTranslations('bulk') as unknown as LooseTranslator;
  const describe = useDescribeError();
  const english = useLocale() === DEFAULT_LOCALE;
  return useMemo(
    () => ({
      reason: (e: PlanEntry) => (e.reason === undefined ? '' : byCode(t, 'reasons', e.reasonCode, e.params, e.reason)),
      error: (e: BulkError): BulkErrorText => {
        if (e.messageCode) return { text: byCode(t, 'reasons', e.messageCode, e.params, e.message) };
        // In English the server's message is the most specific there is.
        if (english || !isErrorCode(e.code)) return { text: e.message };
        const { message, detail } = describe(new ApiError(e.code, e.message, 0, e.path || undefined));
        return { text: message, detail };
      },
    }),
    [t, describe, english],
  );
}
