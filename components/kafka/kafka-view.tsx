'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Info } from 'lucide-react';
import { PollError } from '@/components/ensemble/poll-error';
import { ViewHeader } from '@/components/ensemble/view-header';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Skeleton } from '@/components/ui/skeleton';
import { KAFKA_POLL_MS, kafkaQuery } from '@/lib/client/kafka';
import { joinPath } from '@/lib/shared/path';
import { useKafkaLive } from './use-kafka-live';
import { useKafkaRoot } from './use-kafka-root';
import { BrokerTable } from './broker-table';
import { KafkaHealthBanner } from './kafka-health';
import { KafkaOverview } from './kafka-overview';
import { KafkaProblems } from './kafka-problems';
import { ChrootChoices } from './chroot-choices';
import { RootForm } from './root-form';
import { TopicTable } from './topic-table';

function KafkaSkeleton() {
  const t = useTranslations('kafka');
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t('loading')}>
      <Skeleton className="h-20" />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
      <Skeleton className="h-32" />
      <Skeleton className="h-64" />
    </div>
  );
}

function NoKafka({ connection, root, onChoose }: { connection: string; root: string; onChoose(root: string): void }) {
  const t = useTranslations('kafka.noKafka');
  return (
    <div role="status" className="flex gap-3 rounded-lg border border-border bg-panel p-4 text-sm">
      <Info aria-hidden className="mt-0.5 size-5 shrink-0 text-muted" />
      <div className="space-y-1">
        <p className="font-semibold">{t('title', { root })}</p>
        <p>
          {t.rich('body', {
            brokers: joinPath(root, 'brokers'),
            mono: (c) => <span className="font-mono">{c}</span>,
            link: (c) => (
              <ZnodeLink connection={connection} path="/" className="font-mono text-sm">
                {c}
              </ZnodeLink>
            ),
          })}
        </p>
        <ChrootChoices connection={connection} root={root} onChoose={onChoose} />
      </div>
    </div>
  );
}

/**
 * ZooKeeper-mode Kafka decoded from its znodes under the root (the URL's, or the one last chosen
 * on this connection): health, cluster, brokers, topics, problems.
 */
export function KafkaView({ connection, urlRoot, explicit }: { connection: string; urlRoot: string; explicit: boolean }) {
  const t = useTranslations('kafka');
  const { root, ready, choose } = useKafkaRoot(connection, urlRoot, explicit);
  const query = useQuery({ ...kafkaQuery(connection, root), enabled: ready });
  const model = query.data?.kafka;
  useKafkaLive(connection, root, model);
  return (
    <main className="min-h-0 flex-1 overflow-auto">
      <div className="mx-auto max-w-screen-2xl space-y-6 p-6">
        <ViewHeader
          title={t('title')}
          description={model ? t('description', { root: model.root }) : t('descriptionLoading')}
          updatedAt={query.dataUpdatedAt}
          fetching={query.isFetching}
          pollMs={KAFKA_POLL_MS}
        >
          <RootForm root={root} onChoose={choose} />
        </ViewHeader>
        {query.error && <PollError error={query.error} retryMs={KAFKA_POLL_MS} stale={Boolean(query.data)} />}
        {query.data === undefined ? (
          !query.error && <KafkaSkeleton />
        ) : !model ? (
          <NoKafka connection={connection} root={root} onChoose={choose} />
        ) : (
          <>
            <KafkaHealthBanner model={model} />
            <KafkaOverview connection={connection} model={model} />
            <BrokerTable connection={connection} model={model} />
            <TopicTable connection={connection} root={model.root} topics={model.topics} />
            <KafkaProblems connection={connection} problems={model.problems} />
          </>
        )}
      </div>
    </main>
  );
}
