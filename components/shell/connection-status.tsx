'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, type ComponentType } from 'react';
import { useLiveStatus } from '@/components/live/use-live';
import { sessionQuery } from '@/lib/client/connections';
import { useDescribeError } from '@/lib/client/errors';
import { useReachabilityState } from '@/lib/client/use-reachability';
import { cn } from '@/components/ui/cn';
import type { SessionState } from '@/lib/shared/types';

const DOTS: Record<SessionState, string> = {
  connected: 'bg-ok',
  connecting: 'bg-warn animate-pulse',
  expired: 'bg-danger',
  closed: 'bg-danger',
};

/** Without a live stream (none started yet, or outside a LiveProvider) the session is polled. */
function PolledConnectionStatus({ connection }: { connection: string }) {
  const t = useTranslations('header.status');
  const describeError = useDescribeError();
  const { data, error } = useQuery(sessionQuery(connection));
  const state: SessionState | undefined = data?.state;
  const label = error
    ? describeError(error).title
    : state === 'connected' && data?.server
      ? t('connectedTo', { server: data.server })
      : state
        ? t(state)
        : t('checking');
  return (
    <div role="status" aria-label={t('label', { status: label })} title={data?.sessionId ? t('sessionId', { id: data.sessionId.replace(/^0x/, '') }) : undefined} className="flex items-center gap-2 text-xs text-muted">
      <span aria-hidden className={cn('size-2 rounded-full', error ? 'bg-danger' : state ? DOTS[state] : 'bg-border')} />
      <span className="max-w-48 truncate max-md:hidden">{label}</span>
    </div>
  );
}

/** While the dashboard cannot be reached, nothing is known of its ZooKeeper session. */
function UnknownSessionStatus() {
  const t = useTranslations('header.status');
  return (
    <div role="status" aria-label={t('unknownLabel')} title={t('unknownTitle')} className="flex items-center gap-2 text-xs text-muted">
      <span aria-hidden className="size-2 rounded-full bg-border" />
      <span className="max-md:hidden">{t('unknown')}</span>
    </div>
  );
}

// The live indicator's code comes once a page runs the live stream; without it, the polled one stays.
const LiveConnectionStatus = lazy<ComponentType<{ connection: string }>>(() =>
  import('@/components/live/live-connection-status').then(
    (m) => ({ default: m.LiveConnectionStatus }),
    () => ({ default: PolledConnectionStatus }),
  ),
);

/**
 * The dashboard's ZooKeeper session for this connection: live from the event stream once a page
 * has started it and it is open, polled until then.
 */
export function ConnectionStatus({ connection }: { connection: string }) {
  const live = useLiveStatus();
  const reachable = useReachabilityState() === 'reachable';
  if (!reachable) return <UnknownSessionStatus />;
  const streaming = live !== undefined && live.transport !== 'connecting';
  const polled = <PolledConnectionStatus connection={connection} />;
  return streaming ? (
    <Suspense fallback={polled}>
      <LiveConnectionStatus connection={connection} />
    </Suspense>
  ) : (
    polled
  );
}
