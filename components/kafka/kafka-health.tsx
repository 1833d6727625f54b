import { useTranslations } from 'next-intl';
import { Fact, StatusBanner } from '@/components/ensemble/status-banner';
import { useKafkaMessages } from '@/lib/client/coded-messages';
import { useFormat } from '@/lib/client/format';
import { kafkaVerdict } from '@/lib/client/kafka';
import type { KafkaModel } from '@/lib/shared/kafka';

/** The cluster's red/amber/green verdict with the counts an operator checks first. */
export function KafkaHealthBanner({ model }: { model: KafkaModel }) {
  const t = useTranslations('kafka.health');
  const messages = useKafkaMessages();
  const format = useFormat();
  const { status, findings } = kafkaVerdict(model);
  const h = model.health;
  const partitions = model.topics.reduce((n, t) => n + t.partitions.length, 0);
  return (
    <StatusBanner
      status={status}
      label={t('label')}
      problems={findings.map((f, i) => {
        const message = messages.finding(f);
        return { key: `${i}:${message}`, severity: f.severity, message };
      })}
      facts={
        <>
          <Fact label={t('brokersLive')}>{t('brokersLiveValue', { live: model.brokers.length, total: model.brokers.length + h.brokersDown.length })}</Fact>
          <Fact label={t('topics')}>{format.number(model.topics.length)}</Fact>
          <Fact label={t('partitions')}>{format.number(partitions)}</Fact>
          <Fact label={t('offline')}>{format.number(h.offlinePartitions.length)}</Fact>
          <Fact label={t('underReplicated')}>{format.number(h.underReplicatedPartitions.length)}</Fact>
          <Fact label={t('imbalance')}>{format.number(h.preferredReplicaImbalance.length)}</Fact>
          <Fact label={t('pendingDeletion')}>{format.number(h.pendingDeletion.length)}</Fact>
        </>
      }
    />
  );
}
