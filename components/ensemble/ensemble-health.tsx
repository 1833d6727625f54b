import type { EnsembleHealth } from '@/lib/shared/ensemble';
import { Fact, StatusBanner, type BannerProblem } from './status-banner';

function syncedText(health: EnsembleHealth): string {
  if (health.followersSynced === null) return 'unknown';
  return health.followersSynced ? 'all' : 'not all';
}

/** The ensemble's verdict: quorum, leader, followers in sync, and every problem the server found. */
export function EnsembleHealthBanner({ health, serverCount }: { health: EnsembleHealth; serverCount: number }) {
  const standalone = health.ensembleSize === 1;
  const problems: BannerProblem[] = health.problems.map((p, i) => ({
    key: `${i}:${p.server ?? ''}:${p.message}`,
    severity: p.severity,
    message: p.server ? (
      <>
        <span className="font-mono">{p.server}</span>: {p.message}
      </>
    ) : (
      p.message
    ),
  }));
  return (
    <StatusBanner
      status={health.status}
      label="Ensemble health"
      problems={problems}
      facts={
        <>
          <Fact label="Reachable">
            {health.reachable} of {serverCount}
          </Fact>
          {standalone ? (
            <Fact label="Mode">standalone (an ensemble of one)</Fact>
          ) : (
            <>
              <Fact label="Quorum">
                {health.servingVoters} of {health.ensembleSize} voters serving, {health.quorumSize} needed
              </Fact>
              <Fact label="Leader">{health.leader ?? (health.leaderPresent ? 'present' : 'none')}</Fact>
              <Fact label="Followers in sync">{syncedText(health)}</Fact>
            </>
          )}
          <Fact label="Latency threshold">{health.latencyThresholdMs} ms</Fact>
        </>
      }
    />
  );
}
