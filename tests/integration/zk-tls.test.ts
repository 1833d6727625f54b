/**
 * TLS sessions through the binding's zookeeper_init_ssl (patches/zookeeper+7.3.0.patch): a real
 * ZooKeeper with a Netty secureClientPort and PKCS12 stores made by keytool; browse, write and
 * watch over TLS, and a typed TLS_HANDSHAKE error (not a hang) for a CA that did not sign it.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChildren } from '@/lib/zk/children';
import { createNode } from '@/lib/zk/create-node';
import { setData } from '@/lib/zk/nodes';
import { ZkSession } from '@/lib/zk/session';
import { makeTlsMaterial, type TlsMaterial } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import type { ConnectionTls } from '@/lib/shared/types';
import { expectCode } from '../helpers/expect-code';
import { uniqueRoot } from '../helpers/zk';

let dir: string;
let material: TlsMaterial;
let server: StandaloneServer;
/** The same stores, with ssl.clientAuth=none: no client certificate asked. */
let noClientAuth: StandaloneServer;
let secure: ZkSession;
let plain: ZkSession;
const sessions: ZkSession[] = [];

function open(id: string, connectString: string, tls?: ConnectionTls): ZkSession {
  const s = new ZkSession({ id, name: id, connectString, sessionTimeoutMs: 10_000, readOnly: false, tls });
  sessions.push(s);
  return s;
}

const secureAddress = () => `127.0.0.1:${server.secureClientPort}`;
const files = (ca = material.ca): ConnectionTls => ({ ca, cert: material.cert, key: material.key });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-tls-'));
  material = makeTlsMaterial(dir);
  server = await startStandalone({ tls: material.server });
  noClientAuth = await startStandalone({ tls: material.server, extraConfig: { 'ssl.clientAuth': 'none' } });
  secure = open('tls-test', secureAddress(), files());
  plain = open('tls-test-plain', server.connectString);
}, 90_000);

afterAll(async () => {
  for (const s of sessions) s.close();
  await Promise.all([server?.stop(), noClientAuth?.stop()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('TLS sessions (zookeeper_init_ssl)', () => {
  it('browses, writes and watches over the secure port', async () => {
    const root = uniqueRoot('tls');
    await createNode(secure, { path: root, data: Buffer.from('v1'), mode: 'persistent' });
    expect((await listChildren(secure, '/')).children.map((c) => c.name)).toContain(root.slice(1));

    const written = await setData(secure, root, Buffer.from('v2'), 0);
    expect(written.version).toBe(1);
    // The plain port sees what the TLS session wrote: one server behind both.
    expect((await plain.run((h) => h.get(root))).data.toString()).toBe('v2');

    let fire: (type: number) => void = () => {};
    const fired = new Promise<number>((resolve) => (fire = resolve));
    // The watch is set (the read answered) before the other session changes the node.
    await secure.run((h) => h.get(root, (type) => fire(type)));
    await setData(plain, root, Buffer.from('v3'), 1);
    expect(await fired).toBe(3); // ZOO_CHANGED_EVENT, delivered over TLS
    expect(secure.info().sessionId).toMatch(/^[0-9a-f]+$/);
  });

  it('fails with TLS_HANDSHAKE within a few seconds when the CA did not sign the server', async () => {
    const started = Date.now();
    const e = await expectCode(open('tls-wrong-ca', secureAddress(), files(material.wrongCa)).ready(), 'TLS_HANDSHAKE');
    const elapsed = Date.now() - started;
    expect(e.message).toContain(material.wrongCa);
    expect(e.message).toMatch(/not signed by the CA/);
    expect(elapsed).toBeLessThan(4000);
    // The handshake failed before the C client was started: it never had a handle to connect.
    expect(sessions.at(-1)!.info()).toMatchObject({ sessionId: null, server: null });
  });

  it('connects without a client certificate to a server with ssl.clientAuth=none', async () => {
    const caOnly = open('tls-ca-only', `127.0.0.1:${noClientAuth.secureClientPort}`, { ca: material.ca });
    const root = uniqueRoot('tls-no-client-cert');
    await createNode(caOnly, { path: root, data: Buffer.from('v1'), mode: 'persistent' });
    expect((await caOnly.run((h) => h.get(root))).data.toString()).toBe('v1');
    expect(caOnly.currentServer()).toBe(`127.0.0.1:${noClientAuth.secureClientPort}`);
  });

  it('is refused without a client certificate by a server that needs one (the default), with a clear TLS_HANDSHAKE', async () => {
    const started = Date.now();
    const e = await expectCode(open('tls-ca-only-need', secureAddress(), { ca: material.ca }).ready(), 'TLS_HANDSHAKE');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.message).toMatch(/requires a client certificate \(ssl\.clientAuth=need, its default\): give tls\.cert and tls\.key/);
  });

  it('keeps the C client off a port that accepts but never answers the handshake, and says so when the connect wait ends', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    try {
      const started = Date.now();
      const port = (silent.address() as net.AddressInfo).port;
      const e = await expectCode(open('tls-silent', `127.0.0.1:${port}`, files()).ready(), 'CONNECTION_UNAVAILABLE');
      const elapsed = Date.now() - started;
      expect(e.message).toMatch(/within 10 s: the TLS handshake with 127\.0\.0\.1:\d+ got no answer within 6 s/);
      expect(elapsed).toBeLessThan(11_000);
      // The C client's blocking SSL_connect loop was never entered: it would have held this thread.
      expect(lag.max / 1e6).toBeLessThan(1000);
    } finally {
      lag.disable();
      silent.close();
    }
  }, 20_000);

  it('names the plain port as not speaking TLS', async () => {
    const e = await expectCode(open('tls-plain-port', server.connectString, files()).ready(), 'TLS_HANDSHAKE');
    expect(e.message).toMatch(/does not speak TLS|secureClientPort/);
  });
});
