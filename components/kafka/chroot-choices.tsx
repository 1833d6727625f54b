'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/client/format';
import { kafkaRootsQuery } from '@/lib/client/kafka';

/** Chroots holding brokers/ids elsewhere on the connection, offered as the root to load. */
export function ChrootChoices({ connection, root, onChoose }: { connection: string; root: string; onChoose(root: string): void }) {
  const t = useTranslations('kafka.chroots');
  const format = useFormat();
  const { data, isPending, error } = useQuery(kafkaRootsQuery(connection));
  if (isPending) return <p className="text-muted">{t('looking')}</p>;
  if (error) return null;
  const roots = data.roots.filter((r) => r.path !== root);
  if (roots.length === 0) {
    return <p>{data.complete ? t('noneInLevels') : t('noneInNodes', { count: format.number(data.scanned) })}</p>;
  }
  return (
    <div className="space-y-1.5">
      <p id="kafka-chroots">{t('found', { count: roots.length })}</p>
      <ul aria-labelledby="kafka-chroots" className="flex flex-wrap gap-2">
        {roots.map((r) => (
          <li key={r.path}>
            <Button size="md" onClick={() => onChoose(r.path)} className="font-mono">
              {r.path}
              <span className="font-sans text-xs text-muted">{t('brokers', { count: r.brokers })}</span>
            </Button>
          </li>
        ))}
      </ul>
      {!data.complete && <p className="text-xs text-muted">{t('bounded')}</p>}
    </div>
  );
}
