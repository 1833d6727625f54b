'use client';

import type { ReactNode } from 'react';
import { DataSection } from '@/components/ensemble/data-section';
import { useNow } from '@/components/ensemble/use-now';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { localTime, relativeTime } from '@/lib/shared/units';
import type { KafkaModel } from '@/lib/shared/kafka';
import { joinPath } from '@/lib/shared/path';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-panel px-4 py-3">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="mt-0.5 min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const Unknown = ({ what }: { what: string }) => <span className="text-muted">{what}</span>;

/**
 * A value read from one znode, linked to it. When the value is absent, says whether the znode is
 * missing (`missing`) or holds something that could not be decoded (listed in the problems).
 */
function ZnodeItem({ term, connection, model, path, value, missing, mono = false }: {
  term: string;
  connection: string;
  model: KafkaModel;
  path: string;
  value: ReactNode;
  missing: string;
  mono?: boolean;
}) {
  const problem = value === null ? model.problems.find((p) => p.path === path) : undefined;
  return (
    <Item term={term}>
      <ZnodeLink connection={connection} path={path} className={cn('text-sm', mono && 'font-mono')}>
        {value ??
          (problem ? (
            <Badge tone="warn" title={problem.message}>
              malformed value
            </Badge>
          ) : (
            <Unknown what={missing} />
          ))}
      </ZnodeLink>
    </Item>
  );
}

/** Cluster id and the active controller, each linked to the znode it comes from. */
export function KafkaOverview({ connection, model }: { connection: string; model: KafkaModel }) {
  const now = useNow(30_000);
  const { controller } = model;
  const hasController = controller.brokerId !== null && controller.brokerId >= 0;
  const item = { connection, model };
  return (
    <DataSection id="cluster-heading" title="Cluster">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <ZnodeItem {...item} term="Cluster id" path={joinPath(model.root, 'cluster/id')} value={model.clusterId} missing="unknown" mono />
        <ZnodeItem {...item} term="Controller" path={controller.path} value={hasController ? `Broker ${controller.brokerId}` : null} missing="none" />
        <ZnodeItem {...item} term="Controller epoch" path={joinPath(model.root, 'controller_epoch')} value={controller.epoch} missing="unknown" />
        <Item term="Controller since">
          {controller.since !== null ? (
            <time dateTime={new Date(controller.since).toISOString()} title={localTime(controller.since)}>
              {relativeTime(controller.since, now)}
            </time>
          ) : (
            <Unknown what="unknown" />
          )}
        </Item>
      </dl>
    </DataSection>
  );
}
