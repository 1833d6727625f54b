'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useNow } from '@/components/ensemble/use-now';
import { Panel } from '@/components/ui/panel';
import { isEphemeral, sessionIdHex, zxidHex } from '@/lib/client/node-kind';
import type { ZkStat } from '@/lib/shared/types';
import { useFormat } from '@/lib/client/format';
import { isKnownTime, NO_TIME } from '@/lib/shared/units';

function Zxid({ value }: { value: number }) {
  return (
    <>
      <span className="font-mono">{zxidHex(value)}</span> <span className="text-muted">({value})</span>
    </>
  );
}

function Time({ ms, now }: { ms: number; now: number }) {
  const format = useFormat();
  if (!isKnownTime(ms)) return <span className="text-muted">{NO_TIME}</span>;
  return (
    <>
      <time dateTime={new Date(ms).toISOString()}>{format.dateTime(ms)}</time>
      <span className="block text-xs text-muted">{format.relative(ms, now)}</span>
    </>
  );
}

/** The node's full stat, each field under its ZooKeeper name. */
export function StatPanel({ stat }: { stat: ZkStat }) {
  // Relative times ("12 seconds ago") move on by themselves.
  const now = useNow();
  const t = useTranslations('node.stat');
  const format = useFormat();
  const rows: Array<[keyof ZkStat, ReactNode]> = [
    ['version', stat.version],
    ['cversion', stat.cversion],
    ['aversion', stat.aversion],
    ['czxid', <Zxid key="c" value={stat.czxid} />],
    ['mzxid', <Zxid key="m" value={stat.mzxid} />],
    ['pzxid', <Zxid key="p" value={stat.pzxid} />],
    ['ctime', <Time key="ct" ms={stat.ctime} now={now} />],
    ['mtime', <Time key="mt" ms={stat.mtime} now={now} />],
    ['ephemeralOwner', isEphemeral(stat) ? <span className="font-mono">{sessionIdHex(stat.ephemeralOwner)}</span> : <span className="text-muted">{t('noOwner')}</span>],
    ['dataLength', format.number(stat.dataLength)],
    ['numChildren', format.number(stat.numChildren)],
  ];
  return (
    <Panel id="stat-heading" title={t('title')} className="shrink-0">
      <dl className="divide-y divide-border text-sm">
        {rows.map(([name, value]) => (
          <div key={name} className="grid grid-cols-[7.5rem_1fr] gap-2 px-3 py-1.5">
            <dt className="font-mono text-xs leading-5 text-muted" title={t(`help.${name}`)}>
              {name}
            </dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
