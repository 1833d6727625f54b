'use client';

import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { LiveStatus } from '@/lib/client/live-client';
import { useLiveStatus } from './use-live';

type Tone = 'ok' | 'warn' | 'danger' | 'idle';

/** What the header says, as a key of header.status; `detail`: the server reported this session event (rendered from live.events.session). */
interface Shown {
  state: 'reconnecting' | 'lost' | 'connectedNew' | 'connected' | 'connecting' | 'expired' | 'closed' | 'checking';
  tone: Tone;
  detail?: boolean;
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
function describeLiveStatus(s: LiveStatus, now = Date.now()): Shown {
  if (s.transport === 'reconnecting') return { state: 'reconnecting', tone: 'warn' };
  const detail = s.message !== null;
  switch (s.session) {
    case 'connected':
    case 'reconnected':
    case 'recovered':
      return { state: s.session === 'recovered' && now - s.since < RECENT_MS ? 'connectedNew' : 'connected', tone: 'ok', detail };
    case 'connecting':
      return { state: 'connecting', tone: 'idle' };
    case 'disconnected':
      return { state: 'lost', tone: 'warn', detail };
    case 'expired':
      return { state: 'expired', tone: 'danger', detail };
    case 'closed':
      return { state: 'closed', tone: 'danger', detail };
  }
}

/** The session indicator, live: connected / reconnecting / expired as soon as the server says so. */
export function LiveConnectionStatus() {
  const t = useTranslations('header.status');
  const tSession = useTranslations('live.events.session');
  const s = useLiveStatus();
  const shown: Shown = s ? describeLiveStatus(s) : { state: 'checking', tone: 'idle' };
  const label =
    shown.tone === 'ok' && s?.server
      ? t(shown.state === 'connectedNew' ? 'connectedNewTo' : 'connectedTo', { server: s.server })
      : t(shown.state === 'lost' ? 'reconnecting' : shown.state);
  const said = shown.detail && s ? tSession(s.session, { server: s.server ?? 'none', count: s.watches ?? 0 }) : undefined;
  const why = shown.state === 'reconnecting' ? t('serverUnreachable') : shown.state === 'lost' && !said ? t('lostZooKeeper') : said;
  return (
    <div
      role="status"
      aria-label={t('label', { status: label })}
      title={[why, s?.sessionId ? t('sessionId', { id: s.sessionId.replace(/^0x/, '') }) : null].filter(Boolean).join('\n') || undefined}
      className="flex items-center gap-2 text-xs text-muted"
    >
      <span aria-hidden className={cn('size-2 rounded-full', DOTS[shown.tone])} />
      <span className={cn('max-w-48 truncate max-md:hidden', shown.tone === 'danger' && 'font-medium text-danger', shown.tone === 'warn' && 'font-medium text-warn')}>{label}</span>
    </div>
  );
}
