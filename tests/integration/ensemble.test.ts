import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnsembleStatus } from '@/lib/ops/ensemble';
import { getEnsembleHistory, isSampling, stopEnsembleHistory } from '@/lib/ops/ensemble-history';
import type { EnsembleStatus } from '@/lib/shared/ensemble';
import { ZkSession } from '@/lib/zk/session';
import { describeSession } from '@/lib/zk/session-info';
import { fourLetterWord, startEnsemble, startStandalone, type Ensemble, type StandaloneServer } from '@/scripts/lib/zk-server';
import { testConnectString } from '../helpers/zk';

/** The ensemble dashboard's server side against real ZooKeeper 3.8 servers on loopback. */

let ensemble: Ensemble;
const sessions: ZkSession[] = [];

function open(connectString: string): ZkSession {
  const s = new ZkSession({ id: `ensemble-test-${sessions.length}`, name: 'ensemble-test', connectString, sessionTimeoutMs: 10_000, readOnly: false });
  sessions.push(s);
  return s;
}

const byMode = (s: EnsembleStatus) => s.servers.map((x) => x.mode).sort();
const address = (port: number) => `127.0.0.1:${port}`;

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 3 });
  await ensemble.waitForQuorum();
}, 120_000);

afterAll(async () => {
  stopEnsembleHistory();
  for (const s of sessions) s.close();
  await ensemble?.stop();
}, 60_000);

describe('ensemble status', () => {
  it('reports one leader and two followers with their metrics, green', async () => {
    const status = await getEnsembleStatus(ensemble.connectString);
    expect(status.servers.map((s) => s.address)).toEqual(ensemble.members.map((m) => address(m.clientPort)));
    expect(byMode(status)).toEqual(['follower', 'follower', 'leader']);
    for (const [i, s] of status.servers.entries()) {
      expect(s).toMatchObject({ id: ensemble.members[i].id, role: 'participant', source: 'both', queried: true, reachable: true, serving: true });
      expect(s.version).toBe('3.8.0');
      expect(s.zxid!.hex).toMatch(/^0x[0-9a-f]+$/);
      expect(s.latency).not.toBeNull();
      expect(s.znodes).toBeGreaterThanOrEqual(4);
      expect(s.openFileDescriptors).toBeGreaterThan(0);
      expect(s.votingMembers).toBe(3);
      expect(s.metricsSource).toBe('four-letter');
      expect(s.disabledCommands).toBeUndefined();
    }
    const leader = status.servers.find((s) => s.mode === 'leader')!;
    // The leader opened a new epoch; followers report 0x0 until the first transaction.
    expect(leader.zxid!.epoch).toBeGreaterThan(0);
    expect(leader.syncedFollowers).toBe(2);
    expect(leader.followers).toBe(2);
    expect(status.health).toMatchObject({
      status: 'green',
      ensembleSize: 3,
      quorumSize: 2,
      reachable: 3,
      servingVoters: 3,
      leaderPresent: true,
      leader: leader.address,
      followersSynced: true,
      problems: [],
    });
  });

  it('merges the dynamic config from getconfig and follows its ids', async () => {
    const config = await open(ensemble.connectString).run((h) => h.getConfig());
    expect(config).toMatch(/^server\.1=/m);
    const status = await getEnsembleStatus(ensemble.connectString, { dynamicConfig: config });
    expect(status.servers.map((s) => s.id)).toEqual([1, 2, 3]);
    expect(status.health.status).toBe('green');
  });

  it('lists members missing from the connection string from the membership the server reports', async () => {
    const first = ensemble.members[0];
    const status = await getEnsembleStatus(`${address(first.clientPort)}/some/chroot`);
    expect(status.chroot).toBe('/some/chroot');
    expect(status.servers).toHaveLength(3);
    expect(status.servers[0]).toMatchObject({ address: address(first.clientPort), id: 1, source: 'both', queried: true });
    // The helper's zoo.cfg keeps clientPort out of the server.N lines, so the others have no client address.
    for (const s of status.servers.slice(1)) expect(s).toMatchObject({ source: 'dynamic-config', queried: false, reachable: false });
    expect(status.health.ensembleSize).toBe(3);
    expect(status.health.status).toBe('green');
  });

  it('names the server a session is connected to from the C client (zoo_get_current_server), without a four-letter word', async () => {
    const session = open(ensemble.connectString);
    await session.ready();
    const logs = ensemble.members.map((m) => m.logFile);
    const asked = () => logs.map((f) => (readFileSync(f, 'utf8').match(/Processing cons command/g) ?? []).length).reduce((a, b) => a + b, 0);
    const before = asked();
    const info = await describeSession(session);
    expect(ensemble.members.map((m) => address(m.clientPort))).toContain(info.server);
    expect(session.currentServer()).toBe(info.server);
    // The binding answers null while the handle is not connected.
    const member = ensemble.members.find((m) => address(m.clientPort) === info.server)!;
    await ensemble.stopMember(member.id);
    try {
      await expect.poll(() => session.currentServer(), { timeout: 5_000 }).toBeNull();
      await session.ready();
      const moved = await describeSession(session);
      expect(moved.server).not.toBe(info.server);
      expect(ensemble.members.map((m) => address(m.clientPort))).toContain(moved.server);
    } finally {
      await ensemble.startMember(member.id);
      await ensemble.waitForQuorum();
    }
    expect(asked()).toBe(before);
    // The count is real: the servers log each `cons` they answer.
    await fourLetterWord(ensemble.members[0].clientPort, 'cons');
    await expect.poll(asked, { timeout: 5_000 }).toBe(before + 1);
  });

  it('keeps a time series while someone asks, and stops when nobody does', async () => {
    const key = 'ensemble-test-history';
    const probe = () => getEnsembleStatus(ensemble.connectString);
    const options = { intervalMs: 200, idleMs: 1_000 };
    // A sampler just started answers with its first poll's sample.
    expect((await getEnsembleHistory(key, probe, options)).samples).toHaveLength(1);
    expect(isSampling(key)).toBe(true);
    await expect.poll(async () => (await getEnsembleHistory(key, probe, options)).samples.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    const history = await getEnsembleHistory(key, probe, options);
    expect(history.servers).toEqual(ensemble.members.map((m) => address(m.clientPort)));
    const last = history.samples.at(-1)!;
    expect(last.status).toBe('green');
    expect(last.servers.map((s) => s.reachable)).toEqual([true, true, true]);
    expect(last.servers.every((s) => typeof s.znodes === 'number' && typeof s.watches === 'number' && s.latencyAvg !== null)).toBe(true);
    expect(history.samples.every((s, i) => i === 0 || s.t > history.samples[i - 1].t)).toBe(true);
    await expect.poll(() => isSampling(key), { timeout: 5_000 }).toBe(false);
    const frozen = (await getEnsembleHistory(key, probe, { ...options, idleMs: 0 })).samples.length;
    expect(frozen).toBeGreaterThanOrEqual(3);
    stopEnsembleHistory(key);
    expect(isSampling(key)).toBe(false);
  });

  it('reports a new leader and the old one down after the leader stops, then green after it rejoins', async () => {
    const before = await getEnsembleStatus(ensemble.connectString);
    const oldLeader = before.servers.find((s) => s.mode === 'leader')!;
    await ensemble.stopMember(oldLeader.id!);

    let after!: EnsembleStatus;
    await expect
      .poll(
        async () => {
          after = await getEnsembleStatus(ensemble.connectString);
          return after.servers.filter((s) => s.mode === 'leader').map((s) => s.address);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toHaveLength(1);
    const newLeader = after.servers.find((s) => s.mode === 'leader')!;
    expect(newLeader.address).not.toBe(oldLeader.address);
    const down = after.servers.find((s) => s.address === oldLeader.address)!;
    expect(down).toMatchObject({ reachable: false, serving: false, mode: 'unknown', id: oldLeader.id });
    expect(down.error).toMatch(/Connection refused/);
    expect(after.health).toMatchObject({ status: 'amber', leader: newLeader.address, reachable: 2, servingVoters: 2, followersSynced: false });
    expect(after.health.problems).toContainEqual(expect.objectContaining({ severity: 'warning', server: oldLeader.address }));

    await ensemble.startMember(oldLeader.id!);
    await expect
      .poll(async () => (await getEnsembleStatus(ensemble.connectString)).health.status, { timeout: 30_000, interval: 250 })
      .toBe('green');
    const rejoined = await getEnsembleStatus(ensemble.connectString);
    expect(byMode(rejoined)).toEqual(['follower', 'follower', 'leader']);
    expect(rejoined.servers.find((s) => s.address === oldLeader.address)).toMatchObject({ reachable: true, serving: true });
  }, 90_000);
});

describe('standalone and restricted servers', () => {
  let restricted: StandaloneServer;

  beforeAll(async () => {
    // The helper needs ruok, srvr and conf to see the server up; mntr stays off.
    restricted = await startStandalone({ extraConfig: { '4lw.commands.whitelist': 'srvr,ruok,conf' } });
  }, 60_000);
  afterAll(() => restricted?.stop(), 30_000);

  it('reports the test standalone server green', async () => {
    const status = await getEnsembleStatus(testConnectString());
    expect(status.servers).toHaveLength(1);
    expect(status.servers[0]).toMatchObject({ mode: 'standalone', reachable: true, serving: true, id: null });
    expect(status.health).toMatchObject({ status: 'green', ensembleSize: 1, quorumSize: 1, leaderPresent: true });
  });

  it('says which setting enables commands that are not whitelisted, and reads the AdminServer instead when allowed', async () => {
    const plain = await getEnsembleStatus(restricted.connectString);
    const s = plain.servers[0];
    expect(s).toMatchObject({ mode: 'standalone', reachable: true, disabledCommands: ['mntr'], watches: null, znodes: expect.any(Number) });
    expect(s.hint).toMatch(/4lw\.commands\.whitelist/);
    expect(plain.health.status).toBe('green');
    expect(plain.health.problems).toEqual([expect.objectContaining({ severity: 'info', server: s.address })]);

    const viaAdmin = await getEnsembleStatus(restricted.connectString, { adminUrl: `http://{host}:${restricted.adminPort}/commands` });
    expect(viaAdmin.servers[0]).toMatchObject({ metricsSource: 'admin-server', watches: expect.any(Number), dataSize: expect.any(Number) });
  });

  it('reports an unreachable server red and rejects a connection string without hosts', async () => {
    const status = await getEnsembleStatus('127.0.0.1:1', { timeoutMs: 500 });
    expect(status.servers[0]).toMatchObject({ reachable: false, mode: 'unknown' });
    expect(status.health.status).toBe('red');
    await expect(getEnsembleStatus('/only-a-chroot')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
