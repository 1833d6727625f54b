/**
 * SASL sessions through the binding's zookeeper_init_sasl (patches/zookeeper+7.3.0.patch, Cyrus
 * SASL's DIGEST-MD5): a real ZooKeeper with the SASL authentication provider and a JAAS
 * DigestLoginModule user. A `sasl:bob` ACL lets that session in and refuses a plain one; a wrong
 * password fails as AUTH_FAILED at once instead of reconnecting for ever.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode } from '@/lib/zk/create-node';
import { getNode } from '@/lib/zk/nodes';
import { getAcl } from '@/lib/zk/node-acl';
import { ZkSession } from '@/lib/zk/session';
import { writeDigestJaas } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import type { ConnectionSasl } from '@/lib/shared/types';
import { expectCode } from '../helpers/expect-code';
import { uniqueRoot } from '../helpers/zk';

let dir: string;
let server: StandaloneServer;
const sessions: ZkSession[] = [];

function open(id: string, sasl?: ConnectionSasl): ZkSession {
  const s = new ZkSession({ id, name: id, connectString: server.connectString, sessionTimeoutMs: 10_000, readOnly: false, sasl });
  sessions.push(s);
  return s;
}

function passwordFile(name: string, password: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-sasl-'));
  server = await startStandalone({ jaasFile: writeDigestJaas(dir, { bob: 'secret' }) });
});

afterAll(async () => {
  for (const s of sessions) s.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SASL DIGEST-MD5 sessions (zookeeper_init_sasl)', () => {
  it('reads a sasl:bob node through the SASL session; a plain session gets NO_AUTH', async () => {
    const bob = open('sasl-bob', { mechanism: 'DIGEST-MD5', username: 'bob', passwordFile: passwordFile('bob', 'secret') });
    const root = uniqueRoot('sasl');
    await createNode(bob, { path: root, data: Buffer.from('for bob'), mode: 'persistent', acl: [{ scheme: 'sasl', id: 'bob', perms: 'cdrwa' }] });

    expect((await bob.run((h) => h.get(root))).data.toString()).toBe('for bob');
    expect((await getAcl(bob, root)).acl).toEqual([{ scheme: 'sasl', id: 'bob', perms: 'cdrwa' }]);
    await expectCode(getNode(open('sasl-plain'), root), 'NO_AUTH');
  });

  it('fails a wrong password with AUTH_FAILED within seconds, again at once on the next request', async () => {
    const session = open('sasl-wrong', { mechanism: 'DIGEST-MD5', username: 'bob', passwordFile: passwordFile('wrong', 'not-the-password') });
    const started = Date.now();
    const e = await expectCode(session.ready(), 'AUTH_FAILED');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.message).toContain('"bob"');
    const again = Date.now();
    await expectCode(session.ready(), 'AUTH_FAILED');
    expect(Date.now() - again).toBeLessThan(100);
  });
});
