'use client';

import { useQuery } from '@tanstack/react-query';
import { Star } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { bookmarksQuery, useSetBookmark } from '@/lib/client/bookmarks';
import { useDescribeError } from '@/lib/client/errors';

/** The star of the node header: bookmarks the node for this operator, or removes the bookmark. */
export function BookmarkToggle({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('bookmarks');
  const { data } = useQuery(bookmarksQuery(connection));
  const set = useSetBookmark(connection);
  const describeError = useDescribeError();
  const starred = data?.bookmarks.some((b) => b.path === path) ?? false;
  const toggle = () =>
    set.mutate({ path, starred: !starred }, { onError: (e) => toast.error(describeError(e).title, { description: describeError(e).message }) });
  return (
    <Button size="sm" variant="ghost" aria-label={t('toggle')} aria-pressed={starred} title={starred ? t('remove') : t('add')} onClick={toggle} disabled={!data || set.isPending}>
      <Star aria-hidden className={starred ? 'fill-warn text-warn' : undefined} />
    </Button>
  );
}
