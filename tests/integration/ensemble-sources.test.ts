import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnsembleStatus } from '@/lib/ops/ensemble';
import type { EnsembleServer, EnsembleStatus } from '@/lib/shared/ensemble';
import { ZkSession } from '@/lib/zk/session';
import { fourLetterWord, startEnsemble, type Ensemble } from '@/scripts/lib/zk-server';

/**
 * Health from whatever the servers allow: two 3-member loopback ensembles (two participants and
 * an observer each), one with Debian's default zoo.cfg (no whitelist line: `srvr` alone) and its
 * AdminServer on a non-default port, one with every four-letter word whitelisted.
 */

let restricted: Ensemble;
let open: Ensemble;
let session: ZkSession;
let dynamicConfig: string;

const adminUrl = () => `http://{host}:${restricted.members[0].adminPort}/commands`;

beforeAll(async () => {
  // One after the other: two elections at once on two cores slow both down.
  restricted = await startEnsemble({ size: 3, observers: 1, debianDefaults: true, hostPerMember: true, clientAddressInServerLines: true });
  open = await startEnsemble({ size: 3, observers: 1 });
  session = new ZkSession({ id: 'sources-test', name: 'sources-test', connectString: restricted.connectString, sessionTimeoutMs: 10_000, readOnly: false });
  dynamicConfig = await session.run((h) => h.getConfig());
}, 180_000);

afterAll(async () => {
  session?.close();
  await Promise.all([restricted?.stop(), open?.stop()]);
}, 60_000);

/** Every field the ensemble page shows, reduced to what both configurations must agree on. */
const SHOWN: Array<keyof EnsembleServer> = [
  'mode', 'version', 'zxid', 'latency', 'outstanding', 'connections', 'watches', 'znodes', 'ephemerals',
  'dataSize', 'openFileDescriptors', 'maxFileDescriptors', 'packetsReceived', 'packetsSent', 'uptimeMs', 'votingMembers',
];

function shape(s: EnsembleServer): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, role: s.role, reachable: s.reachable, serving: s.serving, error: s.error ?? null };
  for (const k of SHOWN) out[k] = k === 'mode' || k === 'version' ? s[k] : s[k] === null ? 'missing' : typeof s[k];
  if (s.mode === 'leader') Object.assign(out, { followers: s.followers, syncedFollowers: s.syncedFollowers });
  return out;
}

const byId = (status: EnsembleStatus) => [...status.servers].sort((a, b) => a.id! - b.id!);

describe('a default-configured ensemble', () => {
  it('refuses every four-letter word but srvr', async () => {
    const m = restricted.members[0];
    expect(await fourLetterWord(m.clientPort, 'mntr', 2000, m.host)).toMatch(/not in the whitelist/);
    expect(await fourLetterWord(m.clientPort, 'conf', 2000, m.host)).toMatch(/not in the whitelist/);
    expect(await fourLetterWord(m.clientPort, 'srvr', 2000, m.host)).toMatch(/^Zookeeper version/);
  });

  it('shows through its AdminServer the same fields as a whitelisted ensemble, field by field', async () => {
    const viaAdmin = await getEnsembleStatus(restricted.connectString, { adminUrl: adminUrl(), dynamicConfig });
    const viaWords = await getEnsembleStatus(open.connectString);
    expect(viaAdmin.servers.map((s) => s.metricsSource)).toEqual(['admin-server', 'admin-server', 'admin-server']);
    expect(viaWords.servers.map((s) => s.metricsSource)).toEqual(['four-letter', 'four-letter', 'four-letter']);
    const a = byId(viaAdmin).map(shape);
    const w = byId(viaWords).map(shape);
    // Which member leads is up to each election: compare the leader with the leader.
    const order = (list: Record<string, unknown>[]) => [...list].sort((x, y) => String(x.mode).localeCompare(String(y.mode)));
    expect(order(a).map(({ id: _, ...rest }) => rest)).toEqual(order(w).map(({ id: _, ...rest }) => rest));
    for (const s of viaAdmin.servers) {
      expect(s.watches).not.toBeNull();
      expect(s.zxid?.hex).toMatch(/^0x[0-9a-f]+$/);
      expect(s.configLines).toBeUndefined();
    }
    expect(viaAdmin.servers.find((s) => s.role === 'observer')).toMatchObject({ mode: 'observer', id: 3 });
    const { checkedAt: _a, durationMs: _b, servers: _c, configVersion: _d, ...healthA } = viaAdmin;
    const { checkedAt: _e, durationMs: _f, servers: _g, configVersion: _h, ...healthW } = viaWords;
    expect({ ...healthA, health: { ...healthA.health, leader: null } }).toEqual({ ...healthW, health: { ...healthW.health, leader: null } });
    expect(viaAdmin.health).toMatchObject({ status: 'green', ensembleSize: 2, servingVoters: 2 });
  });

  it('without an AdminServer URL falls back to srvr and names the zoo.cfg lines that would give the rest', async () => {
    const status = await getEnsembleStatus(restricted.connectString, { dynamicConfig });
    for (const s of status.servers) {
      expect(s).toMatchObject({ metricsSource: 'srvr', reachable: true, serving: true, watches: null, ephemerals: null, uptimeMs: null });
      expect(s.znodes).toEqual(expect.any(Number));
      expect(s.configLines).toEqual(['4lw.commands.whitelist=mntr,conf,srvr,ruok,isro,wchs', 'admin.enableServer=true', 'admin.serverPort=8080']);
      expect(s.hint).toMatch(/AdminServer http:\/\/127\.0\.0\.\d:8080\/commands|not asked again/);
    }
    expect(status.health.status).toBe('green');
  });

  it('finds every member, observers included, in /zookeeper/config when conf is refused', async () => {
    const first = restricted.members[0];
    const status = await getEnsembleStatus(`${first.host}:${first.clientPort}`, { dynamicConfig });
    expect(status.configVersion).toMatch(/^[0-9a-f]+$/);
    expect(status.servers.map((s) => [s.id, s.role, s.address, s.source, s.queried])).toEqual(
      restricted.members.map((m) => [m.id, m.role, `${m.host}:${m.clientPort}`, m.id === 1 ? 'both' : 'dynamic-config', true]),
    );
    expect(status.servers[2]).toMatchObject({ mode: 'observer', role: 'observer', reachable: true });
    expect(status.health).toMatchObject({ ensembleSize: 2, quorumSize: 2, leaderPresent: true });
  });

  it('reads the voting members from the AdminServer when nobody passes the dynamic config', async () => {
    const first = restricted.members[0];
    const status = await getEnsembleStatus(`${first.host}:${first.clientPort}`, { adminUrl: adminUrl() });
    // voting_view lists participants only: the observer is not discoverable this way.
    expect(status.servers.map((s) => [s.id, s.role, s.metricsSource])).toEqual([
      [1, 'participant', 'admin-server'],
      [2, 'participant', 'admin-server'],
    ]);
  });
});
