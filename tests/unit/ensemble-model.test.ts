import { describe, expect, it } from 'vitest';
import { computeHealth } from '@/lib/ops/ensemble-health';
import { parseDynamicConfig } from '@/lib/zk/dynamic-config';
import { parseZxid, releaseVersion } from '@/lib/zk/four-letter-parsers';
import { parseConnectString, parseHostPort } from '@/lib/zk/host-port';
import { ensembleServer } from '../helpers/ensemble-server';

const server = ensembleServer;

describe('connect strings', () => {
  it('splits hosts, default port and chroot', () => {
    expect(parseConnectString('zk1:2181,zk2,[::1]:2182/kafka/')).toEqual({
      servers: [
        { host: 'zk1', port: 2181, address: 'zk1:2181' },
        { host: 'zk2', port: 2181, address: 'zk2:2181' },
        { host: '::1', port: 2182, address: '[::1]:2182' },
      ],
      chroot: '/kafka',
      invalid: [],
    });
  });

  it('drops duplicates (localhost is 127.0.0.1) and reports invalid entries', () => {
    const p = parseConnectString('localhost:2181,127.0.0.1:2181,zk:99999,a b:1');
    expect(p.servers.map((s) => s.address)).toEqual(['localhost:2181']);
    expect(p.invalid).toEqual(['zk:99999', 'a b:1']);
    expect(p.chroot).toBeNull();
  });

  it('rejects a bare IPv6 address, which is ambiguous', () => {
    expect(parseHostPort('::1:2181')).toBeNull();
  });
});

describe('dynamic config', () => {
  it('parses getconfig output with client addresses, roles and the version', () => {
    const c = parseDynamicConfig(
      [
        'server.3=10.0.0.3:2888:3888:observer;10.0.0.3:2181',
        'server.1=10.0.0.1:2888:3888:participant;0.0.0.0:2181',
        'server.2=zk2.example:2888:3888;2181',
        'server.4=[fe80::1]:2888:3888:participant;[fe80::1]:2182',
        'server.5=broken',
        'version=10000000a',
      ].join('\n'),
    );
    expect(c.version).toBe('10000000a');
    expect(c.invalid).toEqual(['server.5=broken']);
    expect(c.servers).toEqual([
      { id: 1, host: '10.0.0.1', quorumPort: 2888, electionPort: 3888, role: 'participant', client: { host: '10.0.0.1', port: 2181, address: '10.0.0.1:2181' } },
      { id: 2, host: 'zk2.example', quorumPort: 2888, electionPort: 3888, role: 'participant', client: { host: 'zk2.example', port: 2181, address: 'zk2.example:2181' } },
      { id: 3, host: '10.0.0.3', quorumPort: 2888, electionPort: 3888, role: 'observer', client: { host: '10.0.0.3', port: 2181, address: '10.0.0.3:2181' } },
      { id: 4, host: 'fe80::1', quorumPort: 2888, electionPort: 3888, role: 'participant', client: { host: 'fe80::1', port: 2182, address: '[fe80::1]:2182' } },
    ]);
  });
});

describe('zxid and version', () => {
  it('splits a zxid into epoch and counter', () => {
    expect(parseZxid('0x200000005')).toEqual({ hex: '0x200000005', epoch: 2, counter: 5 });
    expect(parseZxid('0xffffffffffffffff')).toEqual({ hex: '0xffffffffffffffff', epoch: 4294967295, counter: 4294967295 });
    expect(parseZxid('0x10000000000000000')).toBeNull();
    expect(parseZxid('zxid')).toBeNull();
  });

  it('shortens the version to the release', () => {
    expect(releaseVersion('3.8.0-5a02a05eddb59aee6ac762f7ea82e92a68eb9c0f, built on 2022-02-25 08:49 UTC')).toBe('3.8.0');
    expect(releaseVersion(null)).toBeNull();
  });
});

describe('health', () => {
  const ensemble = () => [
    server('h:1', 'follower'),
    server('h:2', 'leader', { followers: 2, syncedFollowers: 2 }),
    server('h:3', 'follower'),
  ];

  it('is green for a leader with all followers in sync', () => {
    const h = computeHealth(ensemble(), { ensembleSize: 3 });
    expect(h).toMatchObject({ status: 'green', ensembleSize: 3, quorumSize: 2, reachable: 3, servingVoters: 3, leaderPresent: true, leader: 'h:2', followersSynced: true });
    expect(h.problems).toEqual([]);
  });

  it('is amber when one server is down and a follower is out of sync, quorum holding', () => {
    const s = ensemble();
    s[0] = server('h:1', 'unknown', { error: 'Connection refused' });
    s[1].syncedFollowers = 1;
    const h = computeHealth(s);
    expect(h.status).toBe('amber');
    expect(h.followersSynced).toBe(false);
    expect(h.problems.map((p) => [p.severity, p.server])).toEqual([
      ['warning', 'h:2'],
      ['warning', 'h:1'],
    ]);
    expect(h.problems[1].message).toMatch(/Server down: Connection refused/);
  });

  it('is red without a leader, and red when quorum is lost', () => {
    const electing = ensemble().map((s) => ({ ...s, mode: 'unknown' as const, serving: false }));
    const h = computeHealth(electing);
    expect(h.status).toBe('red');
    expect(h.leaderPresent).toBe(false);
    expect(h.problems.map((p) => p.message)).toContain('No leader: the ensemble is electing or has lost quorum');

    const lost = computeHealth([server('h:1', 'unknown'), server('h:2', 'unknown'), server('h:3', 'follower')], { ensembleSize: 3 });
    expect(lost.status).toBe('red');
    expect(lost.problems.some((p) => p.message.startsWith('Quorum lost: 1 of 3'))).toBe(true);
  });

  it('is red when nothing is reachable', () => {
    const h = computeHealth([server('h:1', 'unknown')]);
    expect(h.status).toBe('red');
    expect(h.problems[0].message).toBe('No server is reachable');
  });

  it('is amber when latency is above the threshold', () => {
    const s = ensemble();
    s[2].latency = { min: 1, avg: 150, max: 900 };
    expect(computeHealth(s).status).toBe('amber');
    expect(computeHealth(s, { latencyThresholdMs: 200 }).status).toBe('green');
  });

  it('treats one standalone server as an ensemble of one', () => {
    const h = computeHealth([server('h:1', 'standalone')]);
    expect(h).toMatchObject({ status: 'green', ensembleSize: 1, quorumSize: 1, leaderPresent: true, followersSynced: null });
  });

  it('trusts a serving follower for the leader and unqueried voters for the quorum', () => {
    const s = [
      server('h:1', 'follower'),
      server('server.2 (h)', 'unknown', { queried: false, source: 'dynamic-config', error: 'no client address' }),
      server('server.3 (h)', 'unknown', { queried: false, source: 'dynamic-config', error: 'no client address' }),
    ];
    const h = computeHealth(s, { ensembleSize: 3 });
    expect(h.status).toBe('green');
    expect(h.leaderPresent).toBe(true);
    expect(h.leader).toBeNull();
    expect(h.problems.map((p) => p.severity)).toEqual(['info', 'info']);
  });

  it('flags read-only servers, observers do not vote, and notes disabled commands', () => {
    const s = [...ensemble(), server('h:4', 'observer', { role: 'observer' }), server('h:5', 'read-only', { disabledCommands: ['mntr'] })];
    const h = computeHealth(s, { ensembleSize: 4 });
    expect(h.status).toBe('amber');
    expect(h.quorumSize).toBe(3);
    expect(h.problems.find((p) => p.server === 'h:5' && p.severity === 'warning')?.message).toMatch(/read-only/);
    expect(h.problems.find((p) => p.server === 'h:5' && p.severity === 'info')?.message).toMatch(/4lw\.commands\.whitelist/);
  });
});
