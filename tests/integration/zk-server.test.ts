/** The server tooling itself (scripts/lib/zk-server.ts): standalone servers and a real 3-member quorum. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_ROOT } from '../../scripts/lib/paths';
import { fourLetterWord, serverMode, startEnsemble, startStandalone, type Ensemble } from '../../scripts/lib/zk-server';
import { connectRaw, ZK } from '../helpers/raw-zk';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Writes through one connect string, reads through another: proves they share the data. */
async function roundTrip(writeTo: string, readFrom: string, node: string, value: string): Promise<string> {
  const writer = await connectRaw(writeTo);
  try {
    await writer.create(node, value, ZK.ZOO_PERSISTENT);
  } finally {
    writer.close();
  }
  const reader = await connectRaw(readFrom);
  try {
    await reader.sync(node);
    const [, data] = (await reader.get(node, false)) as [unknown, Buffer];
    return data.toString('utf8');
  } finally {
    reader.close();
  }
}

describe('standalone server', () => {
  it('serves on free loopback ports with TTL nodes, and stop() ends the JVM and removes its data', async () => {
    const server = await startStandalone();
    try {
      expect(server.connectString).toBe(`127.0.0.1:${server.clientPort}`);
      expect(path.dirname(server.dataDir)).toBe(DATA_ROOT);
      expect(await fourLetterWord(server.clientPort, 'ruok')).toBe('imok');
      expect(await serverMode(server.clientPort)).toBe('standalone');
      const admin = await fetch(`http://127.0.0.1:${server.adminPort}/commands/ruok`);
      expect(admin.status).toBe(200);
      expect(await admin.json()).toMatchObject({ command: 'ruok', error: null });

      const client = await connectRaw(server.connectString);
      try {
        await client.create('/ttl-node', 'x', ZK.ZOO_PERSISTENT_WITH_TTL, 60_000);
        expect(await client.pathExists('/ttl-node', false)).toBe(true);
      } finally {
        client.close();
      }
    } finally {
      await server.stop();
    }
    expect(isRunning(server.pid)).toBe(false);
    expect(fs.existsSync(server.dataDir)).toBe(false);
    await expect(fourLetterWord(server.clientPort, 'ruok')).rejects.toThrow();
  });

  it('rejects TTL nodes when started with ttl: false', async () => {
    const server = await startStandalone({ ttl: false });
    try {
      const client = await connectRaw(server.connectString);
      try {
        await expect(client.create('/ttl-node', 'x', ZK.ZOO_PERSISTENT_WITH_TTL, 60_000)).rejects.toThrow(/^-6 /);
      } finally {
        client.close();
      }
    } finally {
      await server.stop();
    }
  });

  it('keeps a given data dir: nodes survive a restart on the same dir', async () => {
    const dataDir = fs.mkdtempSync(path.join(DATA_ROOT, 'persist-test-'));
    try {
      const first = await startStandalone({ dataDir });
      try {
        expect(await roundTrip(first.connectString, first.connectString, '/kept', 'v1')).toBe('v1');
      } finally {
        await first.stop();
      }
      expect(fs.existsSync(path.join(dataDir, 'version-2'))).toBe(true);

      const second = await startStandalone({ dataDir });
      try {
        const client = await connectRaw(second.connectString);
        try {
          const [, data] = (await client.get('/kept', false)) as [unknown, Buffer];
          expect(data.toString('utf8')).toBe('v1');
        } finally {
          client.close();
        }
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails with a clear error when the client port is taken', async () => {
    const server = await startStandalone();
    try {
      await expect(startStandalone({ port: server.clientPort, startTimeoutMs: 20_000 })).rejects.toThrow(
        /exited .*while waiting for ZooKeeper on 127\.0\.0\.1:\d+[\s\S]*(BindException|Address already in use)/,
      );
    } finally {
      await server.stop();
    }
  });
});

describe('ensemble', () => {
  let ensemble: Ensemble | undefined;
  afterAll(async () => {
    await ensemble?.stop();
  });

  it('elects a new leader when the leader stops, and the old leader rejoins as a follower', async () => {
    ensemble = await startEnsemble({ size: 3 });
    const e = ensemble;
    expect(e.members.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(e.connectString).toBe(e.members.map((m) => `127.0.0.1:${m.clientPort}`).join(','));

    const modes = await e.modes();
    expect([...modes.values()].sort()).toEqual(['follower', 'follower', 'leader']);
    const leader = [...modes].find(([, mode]) => mode === 'leader')![0];
    const followers = e.members.filter((m) => m.id !== leader);

    // One namespace: a write through a follower is read through the leader.
    const [f1, f2] = followers.map((m) => `127.0.0.1:${m.clientPort}`);
    const leaderAddress = `127.0.0.1:${e.members[leader - 1].clientPort}`;
    expect(await roundTrip(f1, leaderAddress, '/replicated', 'before')).toBe('before');

    await e.stopMember(leader);
    expect(e.isRunning(leader)).toBe(false);
    await expect(fourLetterWord(e.members[leader - 1].clientPort, 'ruok')).rejects.toThrow();
    const newLeader = await e.waitForQuorum();
    expect(newLeader).not.toBe(leader);
    const afterStop = await e.modes();
    expect(afterStop.get(leader)).toBeNull();
    expect(afterStop.get(newLeader)).toBe('leader');
    // The surviving majority still serves the data and takes writes.
    expect(await roundTrip(f2, f1, '/during-outage', 'two of three')).toBe('two of three');

    await e.startMember(leader);
    const rejoined = await e.modes();
    expect(rejoined.get(leader)).toBe('follower');
    expect(rejoined.get(newLeader)).toBe('leader');
    // The restarted member caught up with what was written while it was down.
    expect(await roundTrip(f1, leaderAddress, '/after-rejoin', 'three')).toBe('three');
    const back = await connectRaw(leaderAddress);
    try {
      const [, data] = (await back.get('/during-outage', false)) as [unknown, Buffer];
      expect(data.toString('utf8')).toBe('two of three');
    } finally {
      back.close();
    }

    // Again, with the new leader: stop/start works repeatedly.
    await e.restartMember(newLeader);
    const final = await e.modes();
    expect([...final.values()].sort()).toEqual(['follower', 'follower', 'leader']);
    expect(final.get(newLeader)).toBe('follower');
  }, 90_000);

  it('stop() ends every member and removes the data', async () => {
    const e = ensemble!;
    await e.stop();
    for (const m of e.members) await expect(fourLetterWord(m.clientPort, 'ruok')).rejects.toThrow();
    expect(fs.existsSync(e.dataDir)).toBe(false);
  });
});
