'use client';

import { cn } from '@/components/ui/cn';
import type { LiveStatus } from '@/lib/client/live-client';
import { useLiveStatus } from './use-live';

type Tone = 'ok' | 'warn' | 'danger' | 'idle';

interface Shown {
  label: string;
  tone: Tone;
  detail?: string;
}

const DOTS: Record<Tone, string> = {
  ok: 'bg-ok',
  warn: 'bg-warn animate-pulse',
  danger: 'bg-danger',
  idle: 'bg-border animate-pulse',
};

/** How long "new session" stays in the label after a recovery. */
const RECENT_MS = 15_000;

/** What the header says about the session, from the live stream's session events. */
export function describeLiveStatus(s: LiveStatus, now = Date.now()): Shown {
  if (s.transport === 'reconnecting') {
    return { label: 'Reconnecting…', tone: 'warn', detail: 'The Zooscope server cannot be reached; retrying.' };
  }
  switch (s.session) {
    case 'connected':
    case 'reconnected':
    case 'recovered':
      return {
        label: s.session === 'recovered' && now - s.since < RECENT_MS ? 'Connected (new session)' : 'Connected',
        tone: 'ok',
        detail: s.message ?? undefined,
      };
    case 'connecting':
      return { label: 'Connecting…', tone: 'idle' };
    case 'disconnected':
      return { label: 'Reconnecting…', tone: 'warn', detail: s.message ?? 'Lost the connection to ZooKeeper; reconnecting.' };
    case 'expired':
      return { label: 'Session expired', tone: 'danger', detail: s.message ?? undefined };
    case 'closed':
      return { label: 'Disconnected', tone: 'danger', detail: s.message ?? undefined };
  }
}

/** The session indicator, live: connected / reconnecting / expired as soon as the server says so. */
export function LiveConnectionStatus() {
  const s = useLiveStatus();
  const shown: Shown = s ? describeLiveStatus(s) : { label: 'Checking…', tone: 'idle' };
  const server = s?.server && shown.tone === 'ok' ? ` to ${s.server}` : '';
  return (
    <div
      role="status"
      aria-label={`ZooKeeper session: ${shown.label}${server}`}
      title={[shown.detail, s?.sessionId ? `Session 0x${s.sessionId.replace(/^0x/, '')}` : null].filter(Boolean).join('\n') || undefined}
      className="flex items-center gap-2 text-xs text-muted"
    >
      <span aria-hidden className={cn('size-2 rounded-full', DOTS[shown.tone])} />
      <span className={cn('max-w-56 truncate max-md:hidden', shown.tone === 'danger' && 'font-medium text-danger', shown.tone === 'warn' && 'font-medium text-warn')}>
        {shown.label}
        {server}
      </span>
    </div>
  );
}
