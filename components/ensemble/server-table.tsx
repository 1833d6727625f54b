import { CircleCheck, CircleX, Crown, Info, TriangleAlert } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { useEnsembleMessages } from '@/lib/client/coded-messages';
import { useFormat } from '@/lib/client/format';
import type { EnsembleHealth, EnsembleServer, MetricsSource, ServerMode } from '@/lib/shared/ensemble';
import { DataSection, DataTable, type Column } from './data-section';

const TEXT_COLUMNS = ['server', 'status', 'mode', 'version', 'source', 'zxid', 'latency'] as const;
const NUMERIC_COLUMNS = ['outstanding', 'connections', 'watches', 'znodes', 'ephemerals', 'dataSize', 'fds', 'synced'] as const;
/** The plain counts, in their columns' order. */
const COUNTED = ['outstanding', 'connections', 'watches', 'znodes', 'ephemerals'] as const;
const COLUMN_COUNT = TEXT_COLUMNS.length + NUMERIC_COLUMNS.length;

function useColumns(): Column[] {
  const t = useTranslations('ensemble.servers.columns');
  return [...TEXT_COLUMNS.map((c) => t(c)), ...NUMERIC_COLUMNS.map((c) => ({ label: t(c), numeric: true }) as const)];
}

const MODE_TONE: Record<ServerMode, 'neutral' | 'accent' | 'warn' | 'danger'> = {
  leader: 'accent',
  follower: 'neutral',
  observer: 'neutral',
  standalone: 'accent',
  'read-only': 'warn',
  unknown: 'neutral',
};

const NAMED_MODES = ['leader', 'follower', 'observer', 'standalone'] as const;

/** A server mode in the dashboard's language: the common names, read-only from this catalog, else as reported. */
function ModeName({ mode }: { mode: ServerMode }) {
  const t = useTranslations('ensemble.servers');
  const common = useTranslations('common.modes');
  const named = NAMED_MODES.find((m) => m === mode);
  if (named) return common(named);
  return mode === 'read-only' ? t('readOnly') : common('unknown', { mode });
}

function SourceCell({ server }: { server: EnsembleServer }) {
  const t = useTranslations('ensemble.servers.sources');
  if (!server.metricsSource) return <Missing />;
  const source: MetricsSource = server.metricsSource;
  const partial = source === 'srvr' || source === 'client-api';
  return (
    <Badge tone={partial ? 'warn' : 'neutral'} title={t(`${source}.title`)}>
      {t(`${source}.label`)}
    </Badge>
  );
}

function Count({ n }: { n: number | null | undefined }) {
  const format = useFormat();
  return n == null ? <Missing /> : format.number(n);
}

function Missing() {
  const t = useTranslations('ensemble.servers');
  return (
    <span className="text-muted" title={t('notReported')}>
      —
    </span>
  );
}

function StatusCell({ server }: { server: EnsembleServer }) {
  const t = useTranslations('ensemble.servers.state');
  if (!server.queried) {
    return (
      <span className="flex items-center gap-1 text-muted">
        <Info aria-hidden className="size-4" /> {t('notQueried')}
      </span>
    );
  }
  if (!server.reachable) {
    return (
      <span className="flex items-center gap-1 font-semibold text-danger">
        <CircleX aria-hidden className="size-4" /> {t('down')}
      </span>
    );
  }
  if (!server.serving) {
    return (
      <span className="flex items-center gap-1 font-semibold text-warn">
        <TriangleAlert aria-hidden className="size-4" /> {t('notServing')}
      </span>
    );
  }
  return (
    <span className="flex items-center gap-1 text-ok">
      <CircleCheck aria-hidden className="size-4" /> {t('up')}
    </span>
  );
}

function LatencyCell({ server, thresholdMs }: { server: EnsembleServer; thresholdMs: number }) {
  const t = useTranslations('ensemble.servers');
  const format = useFormat();
  const l = server.latency;
  if (!l) return <Missing />;
  const slow = l.avg > thresholdMs;
  return (
    <span className="whitespace-nowrap">
      {format.number(l.min)} /{' '}
      <span className={cn(slow && 'font-semibold text-warn')} title={slow ? t('aboveThreshold', { ms: thresholdMs }) : undefined}>
        {format.number(l.avg)}
      </span>{' '}
      / {format.number(l.max)}
    </span>
  );
}

function SyncedCell({ server, health }: { server: EnsembleServer; health: EnsembleHealth }) {
  const t = useTranslations('ensemble.servers');
  if (server.mode !== 'leader') return <Missing />;
  if (server.syncedFollowers == null) return <Missing />;
  const expected = health.ensembleSize - 1;
  return (
    <span className={cn(server.syncedFollowers < expected && 'font-semibold text-warn')}>
      {t('ofExpected', { count: server.syncedFollowers, expected })}
    </span>
  );
}

/** Why a server could not be read fully, and the setting that fixes a refused command. */
function ServerNotes({ server }: { server: EnsembleServer }) {
  const t = useTranslations('ensemble.servers');
  const messages = useEnsembleMessages();
  const b = (c: ReactNode) => <span className="font-semibold">{c}</span>;
  const hint = messages.hint(server);
  const refused = server.disabledCommands?.length ? server.disabledCommands : null;
  if (!server.error && !refused && !server.hint && !server.configLines) return null;
  const down = server.queried && !server.reachable;
  return (
    <tr className={cn(down ? 'bg-danger-soft' : 'bg-warn-soft/50')}>
      <td colSpan={COLUMN_COUNT} className="px-2 pb-2 text-xs">
        <div className="space-y-0.5 pl-1">
          {server.error && (
            <p className={cn(down && 'text-danger')}>{t.rich('error', { b, error: messages.serverError(server) ?? server.error })}</p>
          )}
          {refused && (
            <p>{t.rich('notWhitelisted', { b, mono: (c) => <span className="font-mono">{c}</span>, words: refused.join(', ') })}</p>
          )}
          {hint && <p>{t.rich('toFix', { b, hint })}</p>}
          {server.configLines && (
            <div className="flex items-start gap-2">
              <pre aria-label={t('configLines', { address: server.address })} className="rounded bg-surface px-2 py-1 font-mono">
                {server.configLines.join('\n')}
              </pre>
              <CopyButton value={server.configLines.join('\n')} label={t('copyConfigLines')} />
            </div>
          )}
        </div>
      </td>
    </tr>
  );
}

function ServerRow({ server, health }: { server: EnsembleServer; health: EnsembleHealth }) {
  const t = useTranslations('ensemble.servers');
  const format = useFormat();
  const down = server.queried && !server.reachable;
  const dim = !server.reachable;
  return (
    <tr className={cn('border-t border-border', down && 'bg-danger-soft')}>
      <th scope="row" className="px-2 py-2 text-left font-normal">
        <span className="flex items-center gap-1.5 font-mono text-xs font-medium whitespace-nowrap">
          {server.mode === 'leader' && <Crown aria-label={t('leader')} className="size-3.5 text-accent" />}
          {server.address}
        </span>
        {server.id !== null && (
          <span className="block text-xs text-muted">{t('serverId', { id: server.id, observer: server.role === 'observer' ? 'yes' : 'no' })}</span>
        )}
      </th>
      <td className="px-2 py-2">
        <StatusCell server={server} />
      </td>
      <td className="px-2 py-2">{dim ? <Missing /> : <Badge tone={MODE_TONE[server.mode]}><ModeName mode={server.mode} /></Badge>}</td>
      <td className="px-2 py-2" title={server.build ?? undefined}>
        {server.version ?? <Missing />}
      </td>
      <td className="px-2 py-2">
        <SourceCell server={server} />
      </td>
      <td className="px-2 py-2">
        {server.zxid ? (
          <>
            <span className="font-mono text-xs">{server.zxid.hex}</span>
            <span className="block text-xs whitespace-nowrap text-muted">
              {t('zxidParts', { epoch: server.zxid.epoch, counter: format.number(server.zxid.counter) })}
            </span>
          </>
        ) : (
          <Missing />
        )}
      </td>
      <td className="px-2 py-2">
        <LatencyCell server={server} thresholdMs={health.latencyThresholdMs} />
      </td>
      {COUNTED.map((k) => (
        <td key={k} className="px-2 py-2 text-right">
          <Count n={server[k]} />
        </td>
      ))}
      <td className="px-2 py-2 text-right whitespace-nowrap" title={server.dataSize == null ? undefined : t('bytes', { count: format.number(server.dataSize) })}>
        {server.dataSize == null ? <Missing /> : format.bytes(server.dataSize)}
      </td>
      <td className="px-2 py-2 text-right whitespace-nowrap">
        <Count n={server.openFileDescriptors} />
        {server.maxFileDescriptors != null && <span className="block text-xs text-muted">{t('ofMax', { max: format.number(server.maxFileDescriptors) })}</span>}
      </td>
      <td className="px-2 py-2 text-right">
        <SyncedCell server={server} health={health} />
      </td>
    </tr>
  );
}

/** Every server of the ensemble with what its four-letter words report; down servers say why. */
export function ServerTable({ servers, health }: { servers: EnsembleServer[]; health: EnsembleHealth }) {
  const t = useTranslations('ensemble.servers');
  const columns = useColumns();
  return (
    <DataSection id="servers-heading" title={t('title')}>
      <DataTable columns={columns} dense>
        {servers.map((s) => (
          <tbody key={s.address}>
            <ServerRow server={s} health={health} />
            <ServerNotes server={s} />
          </tbody>
        ))}
      </DataTable>
    </DataSection>
  );
}
