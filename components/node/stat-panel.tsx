'use client';

import type { ReactNode } from 'react';
import { useNow } from '@/components/ensemble/use-now';
import { Panel } from '@/components/ui/panel';
import { isEphemeral, sessionIdHex, zxidHex } from '@/lib/client/node-kind';
import type { ZkStat } from '@/lib/shared/types';
import { isKnownTime, localTime, NO_TIME, relativeTime } from '@/lib/shared/units';

function Zxid({ value }: { value: number }) {
  return (
    <>
      <span className="font-mono">{zxidHex(value)}</span> <span className="text-muted">({value})</span>
    </>
  );
}

function Time({ ms, now }: { ms: number; now: number }) {
  if (!isKnownTime(ms)) return <span className="text-muted">{NO_TIME}</span>;
  return (
    <>
      <time dateTime={new Date(ms).toISOString()}>{localTime(ms)}</time>
      <span className="block text-xs text-muted">{relativeTime(ms, now)}</span>
    </>
  );
}

/** The node's full stat, each field under its ZooKeeper name. */
export function StatPanel({ stat }: { stat: ZkStat }) {
  // Relative times ("12 seconds ago") move on by themselves.
  const now = useNow();
  const rows: Array<[string, string, ReactNode]> = [
    ['version', 'Data version', stat.version],
    ['cversion', 'Children version', stat.cversion],
    ['aversion', 'ACL version', stat.aversion],
    ['czxid', 'Created by transaction', <Zxid key="c" value={stat.czxid} />],
    ['mzxid', 'Last modified by transaction', <Zxid key="m" value={stat.mzxid} />],
    ['pzxid', 'Children last changed by transaction', <Zxid key="p" value={stat.pzxid} />],
    ['ctime', 'Created', <Time key="ct" ms={stat.ctime} now={now} />],
    ['mtime', 'Modified', <Time key="mt" ms={stat.mtime} now={now} />],
    ['ephemeralOwner', 'Owner session of an ephemeral node', isEphemeral(stat) ? <span className="font-mono">{sessionIdHex(stat.ephemeralOwner)}</span> : <span className="text-muted">none (not ephemeral)</span>],
    ['dataLength', 'Value size in bytes', stat.dataLength.toLocaleString()],
    ['numChildren', 'Number of children', stat.numChildren.toLocaleString()],
  ];
  return (
    <Panel id="stat-heading" title="Stat" className="shrink-0">
      <dl className="divide-y divide-border text-sm">
        {rows.map(([name, help, value]) => (
          <div key={name} className="grid grid-cols-[7.5rem_1fr] gap-2 px-3 py-1.5">
            <dt className="font-mono text-xs leading-5 text-muted" title={help}>
              {name}
            </dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
