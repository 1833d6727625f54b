'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Panel } from '@/components/ui/panel';
import { isEphemeral, sessionIdHex } from '@/lib/client/node-kind';
import { sessionEphemeralsQuery } from '@/lib/client/recipes';
import { browseHref } from '@/lib/client/urls';
import type { ZkStat } from '@/lib/shared/types';

/**
 * An ephemeral node's owner session, and on a click the other nodes that session owns: `dump`
 * walks every session on the leader, so it is never run by just opening the node.
 */
export function SessionLens({ connection, path, stat }: { connection: string; path: string; stat: ZkStat }) {
  const t = useTranslations('recipes.owner');
  const session = sessionIdHex(stat.ephemeralOwner);
  const [asked, setAsked] = useState<string | null>(null);
  const query = useQuery(sessionEphemeralsQuery(connection, session, asked === session));
  if (!isEphemeral(stat)) return null;
  const others = query.data?.paths?.filter((p) => p !== path);
  return (
    <Panel id="session-lens" title={t('title')}>
      <div className="flex flex-col gap-2 px-3 py-2 text-sm">
        <p>{t.rich('ephemeral', { session, mono: (c) => <span className="font-mono">{c}</span> })}</p>
        {asked !== session || query.isFetching ? (
          <Button size="sm" disabled={query.isFetching} onClick={() => (asked === session ? void query.refetch() : setAsked(session))}>
            {query.isFetching ? t('listing') : t('list')}
          </Button>
        ) : query.isError ? (
          <ErrorAlert error={query.error} />
        ) : query.data && others === undefined ? (
          <p role="status">{t('noSource')}</p>
        ) : others && others.length === 0 ? (
          <p role="status">{t('none')}</p>
        ) : (
          <ul aria-label={t('others')} className="flex flex-col gap-0.5">
            {others?.map((p) => (
              <li key={p}>
                <Link href={browseHref(connection, p)} className="font-mono text-xs break-all text-accent hover:underline">
                  {p}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
