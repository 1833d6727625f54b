import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { isEphemeral, isSequentialName, sessionIdHex } from '@/lib/client/node-kind';
import type { ZkStat } from '@/lib/shared/types';

/** Words for a screen reader: the same facts the badges and the child count show. */
export function describeMarkers(name: string, stat: ZkStat | null, t: ReturnType<typeof useTranslations<'explorer'>>): string {
  const facts: string[] = [];
  if (stat && isEphemeral(stat)) facts.push(t('markers.ephemeral'));
  if (isSequentialName(name)) facts.push(t('markers.sequential'));
  if (stat && stat.numChildren > 0) facts.push(t('markers.children', { count: stat.numChildren }));
  return facts.join(', ');
}

export function NodeMarkers({ name, stat }: { name: string; stat?: ZkStat | null }) {
  const t = useTranslations('explorer');
  const ephemeral = stat ? isEphemeral(stat) : false;
  return (
    <>
      {ephemeral && (
        <Badge tone="warn" title={t('markers.ephemeralTitle', { session: sessionIdHex(stat!.ephemeralOwner) })}>
          {t('markers.eph')}
        </Badge>
      )}
      {isSequentialName(name) && (
        <Badge tone="accent" title={t('markers.sequentialTitle')}>
          {t('markers.seq')}
        </Badge>
      )}
    </>
  );
}
