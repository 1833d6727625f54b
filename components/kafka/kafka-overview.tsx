'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DataSection } from '@/components/ensemble/data-section';
import { useNow } from '@/components/ensemble/use-now';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { useKafkaMessages } from '@/lib/client/coded-messages';
import { useFormat } from '@/lib/client/format';
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
  const t = useTranslations('kafka.overview');
  const messages = useKafkaMessages();
  const problem = value === null ? model.problems.find((p) => p.path === path) : undefined;
  return (
    <Item term={term}>
      <ZnodeLink connection={connection} path={path} className={cn('text-sm', mono && 'font-mono')}>
        {value ??
          (problem ? (
            <Badge tone="warn" title={messages.problem(problem)}>
              {t('malformedValue')}
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
  const t = useTranslations('kafka.overview');
  const format = useFormat();
  const now = useNow(30_000);
  const { controller } = model;
  const hasController = controller.brokerId !== null && controller.brokerId >= 0;
  const item = { connection, model };
  return (
    <DataSection id="cluster-heading" title={t('title')}>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <ZnodeItem {...item} term={t('clusterId')} path={joinPath(model.root, 'cluster/id')} value={model.clusterId} missing={t('unknown')} mono />
        <ZnodeItem {...item} term={t('controller')} path={controller.path} value={hasController ? t('controllerBroker', { id: controller.brokerId! }) : null} missing={t('none')} />
        <ZnodeItem {...item} term={t('controllerEpoch')} path={joinPath(model.root, 'controller_epoch')} value={controller.epoch} missing={t('unknown')} />
        <Item term={t('controllerSince')}>
          {controller.since !== null ? (
            <time dateTime={new Date(controller.since).toISOString()} title={format.dateTime(controller.since)}>
              {format.relative(controller.since, now)}
            </time>
          ) : (
            <Unknown what={t('unknown')} />
          )}
        </Item>
      </dl>
    </DataSection>
  );
}
