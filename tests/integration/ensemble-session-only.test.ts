/**
 * The last metrics source, the dashboard's own session: a server reached only on its TLS port
 * (four-letter words are plain TCP, and ZooKeeper 3.8 always answers `srvr` on a plain port, so a
 * plain port never gets this far) with its AdminServer off (admin.enableServer=false).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEnsemble } from '@/lib/ops/probe';
import { ZkSession } from '@/lib/zk/session';
import { makeTlsMaterial } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';

let dir: string;
let server: StandaloneServer;
let session: ZkSession;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-session-only-'));
  const material = makeTlsMaterial(dir);
  server = await startStandalone({ tls: material.server, extraConfig: { 'admin.enableServer': 'false' } });
  const tls = { ca: material.ca, cert: material.cert, key: material.key };
  session = new ZkSession({ id: 'session-only', name: 'session-only', connectString: `127.0.0.1:${server.secureClientPort}`, sessionTimeoutMs: 10_000, readOnly: false, tls });
  await session.ready();
}, 60_000);

afterAll(async () => {
  session?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a server that only the session reaches', () => {
  it('is shown up through the client API, with the fields no source gave absent and the zoo.cfg lines that would give them', async () => {
    const status = await probeEnsemble(session);
    expect(status.servers).toHaveLength(1);
    const s = status.servers[0];
    expect(s).toMatchObject({ address: `127.0.0.1:${server.secureClientPort}`, metricsSource: 'client-api', reachable: true, serving: true, queried: true });
    // The session vouches that the server serves; every figure needs a source it did not have.
    const absent = ['version', 'zxid', 'latency', 'outstanding', 'connections', 'watches', 'znodes', 'ephemerals', 'dataSize', 'openFileDescriptors', 'uptimeMs'] as const;
    for (const field of absent) expect(s[field], field).toBeNull();
    expect(s.mode).toBe('unknown');
    expect(s.error).toBeUndefined();
    // Over TLS only the AdminServer can give them: the hint names its zoo.cfg lines, not the whitelist.
    expect(s.configLines).toEqual(['admin.enableServer=true', 'admin.serverPort=8080']);
    expect(s.hint).toMatch(/^Four-letter words are plain text on the plain client port and give nothing over this TLS connection: enable the AdminServer \(admin\.enableServer=true, admin\.serverPort=8080\)/);
    expect(s.hint).toMatch(/set this connection’s adminUrl/);
    expect(status.health.status).toBe('green');
  });
});
