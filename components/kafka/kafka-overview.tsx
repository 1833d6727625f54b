'use client';

import type { ReactNode } from 'react';
import { useNow } from '@/components/ensemble/use-now';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Badge } from '@/components/ui/badge';
import { localTime, relativeTime } from '@/lib/client/node-kind';
import type { KafkaModel } from '@/lib/kafka/model';
import { joinPath } from '@/lib/zk/path';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-panel px-4 py-3">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="mt-0.5 min-w-0 break-words">{children}</dd>
    </div>
  );
}

const Unknown = ({ what }: { what: string }) => <span className="text-muted">{what}</span>;

/** A value that is missing or could not be decoded: which of the two, from the problems list. */
function Absent({ model, path, missing }: { model: KafkaModel; path: string; missing: string }) {
  const problem = model.problems.find((p) => p.path === path);
  return problem ? (
    <Badge tone="warn" title={problem.message}>
      malformed value
    </Badge>
  ) : (
    <Unknown what={missing} />
  );
}

/** Cluster id and the active controller, each linked to the znode it comes from. */
export function KafkaOverview({ connection, model }: { connection: string; model: KafkaModel }) {
  const now = useNow(30_000);
  const { controller } = model;
  const hasController = controller.brokerId !== null && controller.brokerId >= 0;
  const idPath = joinPath(model.root, 'cluster/id');
  const epochPath = joinPath(model.root, 'controller_epoch');
  return (
    <section aria-labelledby="cluster-heading" className="space-y-2">
      <h2 id="cluster-heading" className="text-base font-semibold">
        Cluster
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Item term="Cluster id">
          <ZnodeLink connection={connection} path={idPath} className="font-mono text-sm">
            {model.clusterId ?? <Absent model={model} path={idPath} missing="unknown" />}
          </ZnodeLink>
        </Item>
        <Item term="Controller">
          <ZnodeLink connection={connection} path={controller.path} className="text-sm">
            {hasController ? `Broker ${controller.brokerId}` : <Absent model={model} path={controller.path} missing="none" />}
          </ZnodeLink>
        </Item>
        <Item term="Controller epoch">
          <ZnodeLink connection={connection} path={epochPath} className="text-sm">
            {controller.epoch ?? <Absent model={model} path={epochPath} missing="unknown" />}
          </ZnodeLink>
        </Item>
        <Item term="Controller since">
          {controller.since !== null ? (
            <time dateTime={new Date(controller.since).toISOString()} title={localTime(controller.since)} className="text-sm">
              {relativeTime(controller.since, now)}
            </time>
          ) : (
            <Unknown what="unknown" />
          )}
        </Item>
      </dl>
    </section>
  );
}
