import 'server-only';
import type { EnsembleHealth, EnsembleServer, HealthProblem, MessageParams, ServerMode } from '@/lib/shared/ensemble';

/**
 * The red/amber/green health verdict of the ensemble dashboard. Pure, so the tests can exercise
 * every rule without a server.
 */

const DEFAULT_LATENCY_THRESHOLD_MS = 100;

export interface HealthOptions {
  /** Voting members known from the dynamic config, when it was available. */
  ensembleSize?: number;
  latencyThresholdMs?: number;
}

const SERVING_VOTER_MODES: ReadonlySet<ServerMode> = new Set(['leader', 'follower', 'standalone']);

function isVoter(s: EnsembleServer): boolean {
  return s.role !== 'observer' && s.mode !== 'observer';
}

/**
 * The server's own reason behind a problem, for the catalogs: its English text and its code
 * (`none` when the server gave no reason and the problem's default applies).
 */
function reasonOf(s: EnsembleServer): MessageParams {
  return s.error ? { reason: s.error, reasonCode: s.errorCode ?? 'other' } : { reason: '', reasonCode: 'none' };
}

/**
 * The health verdict. Red: nothing answers, no leader in an ensemble, or fewer serving voters than
 * a quorum. Amber: a server is down, not serving or read-only while quorum holds, followers out of
 * sync, more than one server claiming leadership, or latency above the threshold. Green otherwise.
 * Servers the dashboard could not query at all (no client address) are reported as info only.
 */
export function computeHealth(servers: readonly EnsembleServer[], options: HealthOptions = {}): EnsembleHealth {
  const latencyThresholdMs = options.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS;
  const problems: HealthProblem[] = [];
  const queried = servers.filter((s) => s.queried);
  const reachable = queried.filter((s) => s.reachable).length;
  const standalone = queried.some((s) => s.mode === 'standalone');
  const voters = servers.filter(isVoter);
  const reported = Math.max(0, ...queried.map((s) => s.votingMembers ?? 0));
  // The dynamic config is authoritative; without it, count what we know of.
  const ensembleSize = standalone ? 1 : (options.ensembleSize ?? Math.max(voters.length, reported, 1));
  const quorumSize = Math.floor(ensembleSize / 2) + 1;
  const leaders = queried.filter((s) => s.mode === 'leader');
  const leader = leaders[0] ?? null;
  // A follower or observer only serves while it follows a live leader, so it vouches for one; so
  // does a server known only through our session (it accepts sessions only then, or standalone).
  const viaSession = (s: EnsembleServer) => s.serving && s.metricsSource === 'client-api';
  const leaderPresent = standalone || leaders.length > 0 || queried.some((s) => (s.serving && (s.mode === 'follower' || s.mode === 'observer')) || viaSession(s));
  const servingQueried = queried.filter((s) => s.serving && (SERVING_VOTER_MODES.has(s.mode) || (viaSession(s) && isVoter(s)))).length;
  // The leader counts synced followers we may not have been able to query ourselves.
  const servingVoters = Math.max(servingQueried, leader?.syncedFollowers != null ? leader.syncedFollowers + 1 : 0);

  let followersSynced: boolean | null = null;
  if (!standalone && leader && leader.syncedFollowers != null) {
    followersSynced = leader.syncedFollowers >= ensembleSize - 1;
  }

  let red = false;
  let amber = false;
  if (queried.length === 0) {
    red = true;
    problems.push({ severity: 'error', code: 'noAddress', message: 'No server address to query: the connection string names no valid host' });
  } else if (reachable === 0) {
    red = true;
    problems.push({ severity: 'error', code: 'noneReachable', message: 'No server is reachable' });
  } else if (!standalone) {
    if (!leaderPresent) {
      red = true;
      problems.push({ severity: 'error', code: 'noLeader', message: 'No leader: the ensemble is electing or has lost quorum' });
    }
    // Voters we could not ask may be serving: only a shortfall they cannot cover is a lost quorum.
    const unqueriedVoters = voters.filter((s) => !s.queried).length;
    if (servingVoters + unqueriedVoters < quorumSize) {
      red = true;
      problems.push({
        severity: 'error',
        code: 'quorumLost',
        params: { serving: servingVoters, size: ensembleSize, needed: quorumSize },
        message: `Quorum lost: ${servingVoters} of ${ensembleSize} voting servers serving, ${quorumSize} needed`,
      });
    }
    if (leaders.length > 1) {
      amber = true;
      const servers = leaders.map((l) => l.address).join(', ');
      problems.push({ severity: 'warning', code: 'manyLeaders', params: { count: leaders.length, servers }, message: `${leaders.length} servers claim to be leader: ${servers}` });
    }
    if (followersSynced === false && leader) {
      amber = true;
      problems.push({
        severity: 'warning',
        code: 'followersOutOfSync',
        params: { synced: leader.syncedFollowers ?? 0, followers: ensembleSize - 1 },
        message: `Only ${leader.syncedFollowers} of ${ensembleSize - 1} followers are in sync with the leader`,
        server: leader.address,
      });
    }
  }

  for (const s of servers) {
    if (!s.queried) {
      problems.push({ severity: 'info', code: 'notQueried', params: reasonOf(s), message: s.error ?? 'Not queried', server: s.address });
      continue;
    }
    if (!s.reachable) {
      amber = true;
      problems.push({ severity: 'warning', code: 'serverDown', params: reasonOf(s), message: `Server down: ${s.error ?? 'unreachable'}`, server: s.address });
    } else if (!s.serving) {
      amber = true;
      problems.push({ severity: 'warning', code: 'notServing', params: reasonOf(s), message: `Server not serving: ${s.error ?? 'no answer to requests'}`, server: s.address });
    } else if (s.mode === 'read-only') {
      amber = true;
      problems.push({ severity: 'warning', code: 'readOnly', message: 'Server is in read-only mode (partitioned from the quorum)', server: s.address });
    }
    if (s.latency && s.latency.avg > latencyThresholdMs) {
      amber = true;
      problems.push({
        severity: 'warning',
        code: 'slow',
        params: { avg: s.latency.avg, threshold: latencyThresholdMs },
        message: `Average latency ${s.latency.avg} ms is above the ${latencyThresholdMs} ms threshold`,
        server: s.address,
      });
    }
    if (s.disabledCommands?.length) {
      problems.push({
        severity: 'info',
        code: 'wordsDisabled',
        params: { words: s.disabledCommands.join(', ') },
        message: `Four-letter words not whitelisted: ${s.disabledCommands.join(', ')} (see 4lw.commands.whitelist)`,
        server: s.address,
      });
    }
  }

  return {
    status: red ? 'red' : amber ? 'amber' : 'green',
    ensembleSize,
    quorumSize,
    reachable,
    servingVoters,
    leaderPresent,
    leader: leader?.address ?? null,
    followersSynced,
    latencyThresholdMs,
    problems,
  };
}
