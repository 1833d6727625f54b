/**
 * A SASL login over TLS through the binding's zookeeper_init_ssl_sasl (the C client diff in
 * patches/zookeeper+7.3.0.patch): a real ZooKeeper with a Netty secureClientPort and the SASL
 * provider. A `sasl:bob` node is readable by bob's TLS+SASL session only, a wrong password fails
 * as AUTH_FAILED over TLS too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode } from '@/lib/zk/create-node';
import { getNode } from '@/lib/zk/nodes';
import { ZkSession } from '@/lib/zk/session';
import { makeTlsMaterial, writeDigestJaas, type TlsMaterial } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import type { ConnectionSasl } from '@/lib/shared/types';
import { expectCode } from '../helpers/expect-code';
import { uniqueRoot } from '../helpers/zk';

let dir: string;
let material: TlsMaterial;
let server: StandaloneServer;
const sessions: ZkSession[] = [];

function open(id: string, sasl?: ConnectionSasl): ZkSession {
  const tls = { ca: material.ca, cert: material.cert, key: material.key };
  const s = new ZkSession({ id, name: id, connectString: `127.0.0.1:${server.secureClientPort}`, sessionTimeoutMs: 10_000, readOnly: false, tls, sasl });
  sessions.push(s);
  return s;
}

function login(password: string): ConnectionSasl {
  const file = path.join(dir, `pw-${password}`);
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { mechanism: 'DIGEST-MD5', username: 'bob', passwordFile: file };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-tls-sasl-'));
  material = makeTlsMaterial(dir);
  server = await startStandalone({ tls: material.server, jaasFile: writeDigestJaas(dir, { bob: 'secret' }) });
}, 60_000);

afterAll(async () => {
  for (const s of sessions) s.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SASL over TLS (zookeeper_init_ssl_sasl)', () => {
  it('reads a sasl:bob node through the TLS+SASL session; a TLS session without the login gets NO_AUTH', async () => {
    const bob = open('tls-sasl-bob', login('secret'));
    const root = uniqueRoot('tls-sasl');
    await createNode(bob, { path: root, data: Buffer.from('for bob'), mode: 'persistent', acl: [{ scheme: 'sasl', id: 'bob', perms: 'cdrwa' }] });
    expect((await bob.run((h) => h.get(root))).data.toString()).toBe('for bob');
    expect(bob.currentServer()).toBe(`127.0.0.1:${server.secureClientPort}`);
    await expectCode(getNode(open('tls-only'), root), 'NO_AUTH');
  });

  it('fails a wrong password with AUTH_FAILED within seconds over TLS', async () => {
    const started = Date.now();
    const e = await expectCode(open('tls-sasl-wrong', login('not-the-password')).ready(), 'AUTH_FAILED');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.message).toContain('"bob"');
  });
});
