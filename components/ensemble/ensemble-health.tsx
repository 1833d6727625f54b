import { useTranslations } from 'next-intl';
import { useEnsembleMessages } from '@/lib/client/coded-messages';
import type { EnsembleHealth } from '@/lib/shared/ensemble';
import { Fact, StatusBanner, type BannerProblem } from './status-banner';

function synced(health: EnsembleHealth): 'unknown' | 'all' | 'notAll' {
  if (health.followersSynced === null) return 'unknown';
  return health.followersSynced ? 'all' : 'notAll';
}

/** The ensemble's verdict: quorum, leader, followers in sync, and every problem the server found. */
export function EnsembleHealthBanner({ health, serverCount }: { health: EnsembleHealth; serverCount: number }) {
  const t = useTranslations('ensemble.health');
  const messages = useEnsembleMessages();
  const standalone = health.ensembleSize === 1;
  const problems: BannerProblem[] = health.problems.map((p, i) => ({
    key: `${i}:${p.server ?? ''}:${p.message}`,
    severity: p.severity,
    message: p.server
      ? t.rich('problemAt', { server: p.server, message: messages.problem(p), mono: (c) => <span className="font-mono">{c}</span> })
      : messages.problem(p),
  }));
  return (
    <StatusBanner
      status={health.status}
      label={t('label')}
      problems={problems}
      facts={
        <>
          <Fact label={t('reachable')}>{t('reachableValue', { reachable: health.reachable, total: serverCount })}</Fact>
          {standalone ? (
            <Fact label={t('mode')}>{t('standalone')}</Fact>
          ) : (
            <>
              <Fact label={t('quorum')}>{t('quorumValue', { serving: health.servingVoters, size: health.ensembleSize, needed: health.quorumSize })}</Fact>
              <Fact label={t('leader')}>{health.leader ?? (health.leaderPresent ? t('leaderPresent') : t('leaderNone'))}</Fact>
              <Fact label={t('followersInSync')}>{t(`synced.${synced(health)}`)}</Fact>
            </>
          )}
          <Fact label={t('latencyThreshold')}>{t('latencyValue', { ms: health.latencyThresholdMs })}</Fact>
        </>
      }
    />
  );
}
