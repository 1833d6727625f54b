import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminMonitorToMntr } from '@/lib/zk/admin-server';
import {
  mntrMetrics,
  modeFromText,
  parseConf,
  parseCons,
  parseIsro,
  parseMntr,
  parseRuok,
  parseSrvr,
  parseWchs,
  sameSessionId,
} from '@/lib/zk/four-letter-parsers';
import { classifyAnswer, whitelistHint } from '@/lib/zk/four-letter-query';

/** Answers captured from ZooKeeper 3.8.0 (standalone, a 3-member ensemble, read-only, no quorum). */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures/zk-3.8', name), 'utf8');

describe('srvr', () => {
  it('parses a standalone server', () => {
    const s = parseSrvr(fixture('standalone-srvr.txt'))!;
    expect(s).toEqual({
      version: '3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC',
      latency: { min: 0, avg: 0, max: 0 },
      received: 10,
      sent: 12,
      connections: 1,
      outstanding: 0,
      zxid: { hex: '0x0', epoch: 0, counter: 0 },
      mode: 'standalone',
      nodeCount: 5,
      proposalSizes: null,
    });
  });

  it('parses a leader, with fractional latency, zxid epoch/counter and proposal sizes', () => {
    const s = parseSrvr(fixture('leader-srvr.txt'))!;
    expect(s.mode).toBe('leader');
    expect(s.latency).toEqual({ min: 0, avg: 3.125, max: 9 });
    expect(s.zxid).toEqual({ hex: '0x100000003', epoch: 1, counter: 3 });
    expect(s.connections).toBe(2);
    expect(s.received).toBe(10);
    expect(s.sent).toBe(9);
    expect(s.nodeCount).toBe(7);
    expect(s.proposalSizes).toEqual({ last: 94, min: 48, max: 94 });
  });

  it('parses a follower and a read-only server (which prints a banner line first)', () => {
    expect(parseSrvr(fixture('follower-srvr.txt'))!.mode).toBe('follower');
    const ro = parseSrvr(fixture('read-only-srvr.txt'))!;
    expect(ro.mode).toBe('read-only');
    expect(ro.zxid).toEqual({ hex: '0x100000003', epoch: 1, counter: 3 });
    expect(ro.nodeCount).toBe(7);
  });

  it('returns null for text that is not a srvr answer', () => {
    expect(parseSrvr(fixture('not-serving-srvr.txt'))).toBeNull();
    expect(parseSrvr('')).toBeNull();
  });
});

describe('refusals', () => {
  it('recognises a command that is not whitelisted and names the word', () => {
    expect(classifyAnswer(fixture('not-whitelisted-mntr.txt'))).toEqual({ kind: 'not-whitelisted', word: 'mntr' });
    expect(whitelistHint(['mntr', 'conf'])).toMatch(/^mntr, conf are not whitelisted: add 4lw\.commands\.whitelist=mntr,conf,srvr,ruok,isro,wchs to zoo.cfg/);
  });

  it('recognises a server that is not serving (no quorum)', () => {
    expect(classifyAnswer(fixture('not-serving-srvr.txt'))).toEqual({ kind: 'not-serving' });
  });

  it('passes real answers through', () => {
    const text = fixture('standalone-srvr.txt');
    expect(classifyAnswer(text)).toEqual({ kind: 'ok', text });
  });
});

describe('mntr', () => {
  it('reads every key of a leader and picks the dashboard fields (3.8 names learners zk_learners)', () => {
    const raw = parseMntr(fixture('leader-mntr.txt'));
    expect(Object.keys(raw).length).toBe(544);
    expect(raw.zk_server_state).toBe('leader');
    expect(mntrMetrics(raw)).toEqual({
      version: '3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC',
      mode: 'leader',
      peerState: 'leading - broadcast',
      latency: { min: 0, avg: 3.125, max: 9 },
      packetsReceived: 11,
      packetsSent: 10,
      connections: 2,
      outstanding: 0,
      znodes: 7,
      watches: 2,
      ephemerals: 1,
      dataSize: 210,
      openFileDescriptors: 274,
      maxFileDescriptors: 20000,
      uptimeMs: 16878,
      votingMembers: 3,
      followers: 2,
      syncedFollowers: 2,
      pendingSyncs: 0,
    });
  });

  it('has no follower counts on a follower and on a standalone server', () => {
    const f = mntrMetrics(parseMntr(fixture('follower-mntr.txt')));
    expect(f.mode).toBe('follower');
    expect(f.peerState).toBe('following - broadcast');
    expect(f.followers).toBeNull();
    expect(f.syncedFollowers).toBeNull();
    const s = mntrMetrics(parseMntr(fixture('standalone-mntr.txt')));
    expect(s.mode).toBe('standalone');
    expect(s.votingMembers).toBeNull();
    expect(s.znodes).toBe(5);
    expect(s.dataSize).toBe(44);
  });

  it('accepts the pre-3.6 key zk_followers', () => {
    expect(mntrMetrics(parseMntr('zk_server_state\tleader\nzk_followers\t4\nzk_synced_followers\t3\n'))).toMatchObject({
      mode: 'leader',
      followers: 4,
      syncedFollowers: 3,
    });
  });

  it('reads the AdminServer monitor JSON as the same metrics', () => {
    const json = JSON.parse(fixture('leader-admin-monitor.json'));
    const m = mntrMetrics(adminMonitorToMntr(json));
    expect(m.mode).toBe('leader');
    expect(m.syncedFollowers).toBe(2);
    expect(m.votingMembers).toBe(3);
    expect(m.znodes).toBe(7);
    expect(typeof m.openFileDescriptors).toBe('number');
  });
});

describe('conf', () => {
  it('reads settings and the membership of an ensemble member', () => {
    const c = parseConf(fixture('leader-conf.txt'));
    expect(c.serverId).toBe(3);
    expect(c.settings.clientPort).toBe('43103');
    expect(c.settings.tickTime).toBe('500');
    expect(c.membership?.version).toBe('100000000');
    expect(c.membership?.servers).toEqual([
      { id: 1, host: '127.0.0.1', quorumPort: 43301, electionPort: 43401, role: 'participant', client: null },
      { id: 2, host: '127.0.0.1', quorumPort: 43302, electionPort: 43402, role: 'participant', client: null },
      { id: 3, host: '127.0.0.1', quorumPort: 43303, electionPort: 43403, role: 'participant', client: null },
    ]);
  });

  it('has no membership on a standalone server', () => {
    const c = parseConf(fixture('standalone-conf.txt'));
    expect(c.membership).toBeNull();
    expect(c.settings.maxClientCnxns).toBe('60');
  });
});

describe('cons, wchs, ruok, isro', () => {
  it('lists connections with their session ids', () => {
    const cons = parseCons(fixture('leader-cons.txt'));
    expect(cons).toHaveLength(2);
    expect(cons[0]).toMatchObject({ client: '127.0.0.1:55406', sessionId: null, received: 1, sent: 0 });
    expect(cons[1]).toEqual({
      client: '127.0.0.1:55354',
      sessionId: '0x30000064ea70000',
      queued: 0,
      received: 8,
      sent: 8,
      lastOperation: 'PING',
      established: 1795701778344,
      timeoutMs: 8000,
      lastZxid: '0x100000003',
      latency: { min: 0, avg: 3, max: 9 },
    });
  });

  it('compares session ids whatever their spelling', () => {
    expect(sameSessionId('0x30000064ea70000', '30000064ea70000')).toBe(true);
    expect(sameSessionId('0x30000064EA70000', '0x30000064ea70000')).toBe(true);
    expect(sameSessionId('0x30000064ea70000', '0x30000064ea70001')).toBe(false);
    expect(sameSessionId('nope', 'nope')).toBe(false);
  });

  it('reads watch totals', () => {
    expect(parseWchs(fixture('leader-wchs.txt'))).toEqual({ connections: 1, paths: 1, watches: 1 });
    expect(parseWchs(fixture('not-serving-srvr.txt'))).toBeNull();
  });

  it('reads ruok and isro', () => {
    expect(parseRuok(fixture('standalone-ruok.txt'))).toBe(true);
    expect(parseRuok('')).toBe(false);
    expect(parseIsro(fixture('standalone-isro.txt'))).toBe('rw');
    expect(parseIsro(fixture('read-only-isro.txt'))).toBe('ro');
    expect(parseIsro(fixture('not-serving-isro.txt'))).toBeNull();
  });

  it('maps every way a server names its state to a mode', () => {
    expect(modeFromText('following - broadcast')).toBe('follower');
    expect(modeFromText('leading - broadcast')).toBe('leader');
    expect(modeFromText('observer')).toBe('observer');
    expect(modeFromText('read-only')).toBe('read-only');
    expect(modeFromText('looking')).toBe('unknown');
    expect(modeFromText(undefined)).toBe('unknown');
  });
});
