import { CircleCheck, CircleX, Crown, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { formatMetric } from '@/lib/client/ensemble';
import { formatBytes } from '@/lib/shared/units';
import type { EnsembleHealth, EnsembleServer, MetricsSource, ServerMode } from '@/lib/shared/ensemble';
import { DataSection, DataTable, type Column } from './data-section';

const numeric = (label: string) => ({ label, numeric: true }) as const;

const COLUMNS: readonly Column[] = [
  'Server',
  'Status',
  'Mode',
  'Version',
  'Source',
  'Last zxid',
  'Latency ms (min / avg / max)',
  numeric('Outstanding'),
  numeric('Connections'),
  numeric('Watches'),
  numeric('Znodes'),
  numeric('Ephemerals'),
  numeric('Data size'),
  numeric('Open FDs'),
  numeric('Synced followers'),
];

const MODE_TONE: Record<ServerMode, 'neutral' | 'accent' | 'warn' | 'danger'> = {
  leader: 'accent',
  follower: 'neutral',
  observer: 'neutral',
  standalone: 'accent',
  'read-only': 'warn',
  unknown: 'neutral',
};

const SOURCE_LABEL: Record<MetricsSource, { label: string; title: string }> = {
  'admin-server': { label: 'AdminServer', title: 'Read from the AdminServer (HTTP /commands)' },
  'four-letter': { label: 'mntr', title: 'Read with the four-letter words mntr and conf' },
  srvr: { label: 'srvr only', title: 'Only srvr answered: watches, ephemerals, data size, FDs and uptime are missing' },
  'client-api': { label: 'session only', title: 'Nothing answered but the dashboard’s own ZooKeeper session' },
};

function SourceCell({ server }: { server: EnsembleServer }) {
  if (!server.metricsSource) return <Missing />;
  const { label, title } = SOURCE_LABEL[server.metricsSource];
  const partial = server.metricsSource === 'srvr' || server.metricsSource === 'client-api';
  return (
    <Badge tone={partial ? 'warn' : 'neutral'} title={title}>
      {label}
    </Badge>
  );
}

function count(n: number | null | undefined): ReactNode {
  return n == null ? <Missing /> : formatMetric(n);
}

function Missing() {
  return (
    <span className="text-muted" title="Not reported">
      —
    </span>
  );
}

function StatusCell({ server }: { server: EnsembleServer }) {
  if (!server.queried) {
    return (
      <span className="flex items-center gap-1 text-muted">
        <Info aria-hidden className="size-4" /> Not queried
      </span>
    );
  }
  if (!server.reachable) {
    return (
      <span className="flex items-center gap-1 font-semibold text-danger">
        <CircleX aria-hidden className="size-4" /> Down
      </span>
    );
  }
  if (!server.serving) {
    return (
      <span className="flex items-center gap-1 font-semibold text-warn">
        <TriangleAlert aria-hidden className="size-4" /> Not serving
      </span>
    );
  }
  return (
    <span className="flex items-center gap-1 text-ok">
      <CircleCheck aria-hidden className="size-4" /> Up
    </span>
  );
}

function LatencyCell({ server, thresholdMs }: { server: EnsembleServer; thresholdMs: number }) {
  const l = server.latency;
  if (!l) return <Missing />;
  const slow = l.avg > thresholdMs;
  return (
    <span className="whitespace-nowrap">
      {formatMetric(l.min)} /{' '}
      <span className={cn(slow && 'font-semibold text-warn')} title={slow ? `Above the ${thresholdMs} ms threshold` : undefined}>
        {formatMetric(l.avg)}
      </span>{' '}
      / {formatMetric(l.max)}
    </span>
  );
}

function syncedCell(server: EnsembleServer, health: EnsembleHealth): ReactNode {
  if (server.mode !== 'leader') return <Missing />;
  if (server.syncedFollowers == null) return <Missing />;
  const expected = health.ensembleSize - 1;
  return (
    <span className={cn(server.syncedFollowers < expected && 'font-semibold text-warn')}>
      {server.syncedFollowers} of {expected}
    </span>
  );
}

/** Why a server could not be read fully, and the setting that fixes a refused command. */
function ServerNotes({ server }: { server: EnsembleServer }) {
  const refused = server.disabledCommands?.length ? server.disabledCommands : null;
  if (!server.error && !refused && !server.hint && !server.configLines) return null;
  const down = server.queried && !server.reachable;
  return (
    <tr className={cn(down ? 'bg-danger-soft' : 'bg-warn-soft/50')}>
      <td colSpan={COLUMNS.length} className="px-3 pb-2 text-xs">
        <div className="space-y-0.5 pl-1">
          {server.error && (
            <p className={cn(down && 'text-danger')}>
              <span className="font-semibold">Error:</span> {server.error}
            </p>
          )}
          {refused && (
            <p>
              <span className="font-semibold">Not whitelisted:</span> <span className="font-mono">{refused.join(', ')}</span> — the server refuses these four-letter
              words, so some figures are missing.
            </p>
          )}
          {server.hint && (
            <p>
              <span className="font-semibold">To fix:</span> {server.hint}
            </p>
          )}
          {server.configLines && (
            <div className="flex items-start gap-2">
              <pre aria-label={`zoo.cfg lines for ${server.address}`} className="rounded bg-surface px-2 py-1 font-mono">
                {server.configLines.join('\n')}
              </pre>
              <CopyButton value={server.configLines.join('\n')} label="Copy the zoo.cfg lines" />
            </div>
          )}
        </div>
      </td>
    </tr>
  );
}

function ServerRow({ server, health }: { server: EnsembleServer; health: EnsembleHealth }) {
  const down = server.queried && !server.reachable;
  const dim = !server.reachable;
  return (
    <tr className={cn('border-t border-border', down && 'bg-danger-soft')}>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <span className="flex items-center gap-1.5 font-mono text-xs font-medium whitespace-nowrap">
          {server.mode === 'leader' && <Crown aria-label="Leader" className="size-3.5 text-accent" />}
          {server.address}
        </span>
        {server.id !== null && (
          <span className="block text-xs text-muted">
            server.{server.id}
            {server.role === 'observer' && ' (observer)'}
          </span>
        )}
      </th>
      <td className="px-3 py-2">
        <StatusCell server={server} />
      </td>
      <td className="px-3 py-2">{dim ? <Missing /> : <Badge tone={MODE_TONE[server.mode]}>{server.mode}</Badge>}</td>
      <td className="px-3 py-2" title={server.build ?? undefined}>
        {server.version ?? <Missing />}
      </td>
      <td className="px-3 py-2">
        <SourceCell server={server} />
      </td>
      <td className="px-3 py-2">
        {server.zxid ? (
          <>
            <span className="font-mono text-xs">{server.zxid.hex}</span>
            <span className="block text-xs whitespace-nowrap text-muted">
              epoch {server.zxid.epoch}, counter {server.zxid.counter.toLocaleString()}
            </span>
          </>
        ) : (
          <Missing />
        )}
      </td>
      <td className="px-3 py-2">
        <LatencyCell server={server} thresholdMs={health.latencyThresholdMs} />
      </td>
      <td className="px-3 py-2 text-right">{count(server.outstanding)}</td>
      <td className="px-3 py-2 text-right">{count(server.connections)}</td>
      <td className="px-3 py-2 text-right">{count(server.watches)}</td>
      <td className="px-3 py-2 text-right">{count(server.znodes)}</td>
      <td className="px-3 py-2 text-right">{count(server.ephemerals)}</td>
      <td className="px-3 py-2 text-right whitespace-nowrap" title={server.dataSize == null ? undefined : `${server.dataSize.toLocaleString()} bytes`}>
        {server.dataSize == null ? <Missing /> : formatBytes(server.dataSize)}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        {count(server.openFileDescriptors)}
        {server.maxFileDescriptors != null && <span className="block text-xs text-muted">of {server.maxFileDescriptors.toLocaleString()}</span>}
      </td>
      <td className="px-3 py-2 text-right">{syncedCell(server, health)}</td>
    </tr>
  );
}

/** Every server of the ensemble with what its four-letter words report; down servers say why. */
export function ServerTable({ servers, health }: { servers: EnsembleServer[]; health: EnsembleHealth }) {
  return (
    <DataSection id="servers-heading" title="Servers">
      <DataTable columns={COLUMNS}>
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
