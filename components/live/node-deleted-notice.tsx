'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/error-alert';
import { useFormat } from '@/lib/client/format';
import { useDeletedNotice } from './use-live';

/** Says so when the open node was deleted elsewhere; its last value stays visible below. */
export function NodeDeletedNotice({ path }: { path: string }) {
  const t = useTranslations('live.deleted');
  const format = useFormat();
  const notice = useDeletedNotice(path);
  if (!notice) return null;
  return (
    <Alert title={t('title')} className="m-4 mb-0">
      {t('body', { path, time: format.timeOfDay(notice.at), by: notice.by || 'none' })}
    </Alert>
  );
}
