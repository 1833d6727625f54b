/**
 * TLS and SASL settings of connections through the API and the config file, against one real
 * ZooKeeper with a TLS port and SASL DIGEST-MD5: validated with clear errors, shown without the
 * key password (also in the audit log), kept on an edit that does not repeat it, and reported by
 * "Test connection".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { listConnections } from '@/lib/zk/config';
import { closeAllSessions } from '@/lib/zk/registry';
import { makeTlsMaterial, writeDigestJaas, type TlsMaterial } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { Browser, enc } from './support/browser';

const saved = { ...process.env };
const KEY_PASSWORD = 'key-pass-7f3a';
let dir: string;
let material: TlsMaterial;
let encryptedKey: string;
let server: StandaloneServer;
let admin: Browser;

const CONNECTIONS = '/api/v1/connections';
const one = (id: string) => `${CONNECTIONS}/${enc(id)}`;

function expectError(res: { status: number; body: any }, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  return res.body.error.message as string;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zooscope-secure-connections-'));
  material = makeTlsMaterial(dir);
  encryptedKey = join(dir, 'client-encrypted.key');
  execFileSync('openssl', ['pkey', '-in', material.key, '-aes256', '-passout', `pass:${KEY_PASSWORD}`, '-out', encryptedKey]);
  writeFileSync(join(dir, 'bob.pw'), 'secret\n');
  writeFileSync(join(dir, 'wrong.pw'), 'not-it\n');
  server = await startStandalone({ tls: material.server, jaasFile: writeDigestJaas(dir, { bob: 'secret' }) });
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ada', role: 'admin', hash: await hashPassword('ada-admin-pass-1') });
  Object.assign(process.env, { ZOOSCOPE_USERS_FILE: usersFile, ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite') });
  delete process.env.ZK_CONNECT;
  delete process.env.ZOOSCOPE_CONFIG;
  admin = new Browser();
  expect((await admin.call('POST', '/api/v1/session', { username: 'ada', password: 'ada-admin-pass-1' })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  closeAllSessions();
  process.env = saved;
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

const adminUrl = () => `http://{host}:${server.adminPort}/commands`;
const tlsInput = (tls: Record<string, unknown>) => ({ id: 'secure', connectString: `127.0.0.1:${server.secureClientPort}`, adminUrl: adminUrl(), tls });
const saslInput = (passwordFile: string) => ({
  id: 'sasl',
  connectString: server.connectString,
  sasl: { mechanism: 'DIGEST-MD5', username: 'bob', passwordFile },
});

describe('TLS and SASL settings of connections', () => {
  it('refuses settings that cannot work, saying why', async () => {
    const bad = async (body: unknown) => expectError(await admin.call('POST', CONNECTIONS, body), 400, 'INVALID_REQUEST');
    const files = { ca: material.ca, cert: material.cert, key: material.key };
    expect(await bad(tlsInput({ ...files, ca: join(dir, 'missing.pem') }))).toMatch(/tls\.ca ".*missing\.pem" does not exist/);
    expect(await bad(tlsInput({ ...files, ca: 'ca.pem' }))).toMatch(/tls\.ca must be an absolute path/);
    expect(await bad(tlsInput({ ...files, ca: material.key }))).toMatch(/tls\.ca .* is not a PEM certificate/);
    expect(await bad(tlsInput({ ca: material.ca, cert: material.cert }))).toMatch(/tls\.cert and tls\.key go together: give both \(a client certificate\) or neither/);
    expect(await bad(tlsInput({ ca: material.ca, keyPassword: 'x' }))).toMatch(/tls\.keyPassword is the password of tls\.key/);
    expect(await bad(tlsInput({ ...files, key: encryptedKey }))).toMatch(/is encrypted .*give its keyPassword/);
    expect(await bad(tlsInput({ ...files, key: encryptedKey, keyPassword: 'wrong' }))).toMatch(/does not open with the given keyPassword/);
    expect(await bad({ ...saslInput(join(dir, 'bob.pw')), sasl: { mechanism: 'GSSAPI', username: 'bob', passwordFile: join(dir, 'bob.pw') } })).toMatch(/DIGEST-MD5/);
    expect(await bad(saslInput(join(dir, 'none.pw')))).toMatch(/sasl\.passwordFile ".*none\.pw" does not exist/);
  });

  it('adds a TLS connection with an encrypted key: shown without its password, tested, browsed, kept on edit', async () => {
    const added = await admin.call('POST', CONNECTIONS, tlsInput({ ca: material.ca, cert: material.cert, key: encryptedKey, keyPassword: KEY_PASSWORD }));
    expect(added.status).toBe(201);
    const listed = (await admin.call('GET', CONNECTIONS)).body;
    expect(listed.connections[0].tls).toEqual({ ca: material.ca, cert: material.cert, key: encryptedKey, hasKeyPassword: true });
    expect(JSON.stringify(listed)).not.toContain(KEY_PASSWORD);

    const test = await admin.call('POST', `${one('secure')}/test`);
    expect(test.body).toMatchObject({ ok: true, session: { connected: true }, security: { tls: { ok: true, code: null }, sasl: null } });
    expect((await admin.call('GET', `${one('secure')}/children?path=/`)).body.children.map((c: any) => c.name)).toContain('zookeeper');

    // An edit that leaves the password out keeps it: the connection still opens.
    const edited = await admin.call('PUT', one('secure'), { ...tlsInput({ ca: material.ca, cert: material.cert, key: encryptedKey }), name: 'Secure', version: 1 });
    expect(edited.body).toMatchObject({ name: 'Secure', version: 2 });
    expect((await admin.call('POST', `${one('secure')}/test`)).body.security.tls).toEqual({ ok: true, code: null, error: null });
    expect(JSON.stringify((await admin.call('GET', '/api/v1/audit?connection=secure')).body)).not.toContain(KEY_PASSWORD);
  });

  it('reports a wrong CA and a refused SASL login in "Test connection"', async () => {
    expect((await admin.call('POST', CONNECTIONS, { ...tlsInput({ ca: material.wrongCa, cert: material.cert, key: material.key }), id: 'wrong-ca' })).status).toBe(201);
    const wrongCa = (await admin.call('POST', `${one('wrong-ca')}/test`)).body;
    expect(wrongCa.ok).toBe(false);
    expect(wrongCa.security.tls).toMatchObject({ ok: false, code: 'TLS_HANDSHAKE', error: expect.stringContaining('not signed by the CA') });
    expectError(await admin.call('GET', `${one('wrong-ca')}/children?path=/`), 502, 'TLS_HANDSHAKE');

    expect((await admin.call('POST', CONNECTIONS, saslInput(join(dir, 'bob.pw')))).status).toBe(201);
    expect((await admin.call('POST', `${one('sasl')}/test`)).body.security).toEqual({ tls: null, sasl: { ok: true, code: null, error: null } });
    expect((await admin.call('POST', CONNECTIONS, { ...saslInput(join(dir, 'wrong.pw')), id: 'sasl-wrong' })).status).toBe(201);
    const refused = (await admin.call('POST', `${one('sasl-wrong')}/test`)).body;
    expect(refused.security.sasl).toMatchObject({ ok: false, code: 'AUTH_FAILED', error: expect.stringContaining('"bob"') });
  });

  it('tests TLS and SASL together (a SASL login over TLS), and names a missing client certificate', async () => {
    const both = { ...tlsInput({ ca: material.ca, cert: material.cert, key: material.key }), id: 'tls-sasl', sasl: saslInput(join(dir, 'bob.pw')).sasl };
    expect((await admin.call('POST', CONNECTIONS, both)).status).toBe(201);
    const test = (await admin.call('POST', `${one('tls-sasl')}/test`)).body;
    expect(test).toMatchObject({ ok: true, security: { tls: { ok: true }, sasl: { ok: true } } });

    // This server keeps ZooKeeper's default ssl.clientAuth=need.
    const caOnly = (await admin.call('POST', `${CONNECTIONS}/test`, { ...tlsInput({ ca: material.ca }), id: 'ca-only' })).body;
    expect(caOnly.security.tls).toMatchObject({ ok: false, code: 'TLS_HANDSHAKE', error: expect.stringContaining('requires a client certificate') });
  });

  it('reads TLS and SASL settings from the ZOOSCOPE_CONFIG file, refusing a missing file by name', () => {
    const file = join(dir, 'connections.json');
    const tls = { ca: material.ca, cert: material.cert, key: material.key };
    writeFileSync(file, JSON.stringify({ connections: [{ id: 'filed-tls', connectString: `127.0.0.1:${server.secureClientPort}`, tls }] }));
    process.env.ZOOSCOPE_CONFIG = file;
    try {
      expect(listConnections().find((c) => c.id === 'filed-tls')?.tls).toEqual(tls);
      writeFileSync(file, JSON.stringify([{ id: 'filed-tls', connectString: server.connectString, tls: { ...tls, ca: join(dir, 'gone.pem') } }]));
      expect(() => listConnections()).toThrow(/ZOOSCOPE_CONFIG .* is invalid: .*tls.*gone\.pem" does not exist/);
    } finally {
      delete process.env.ZOOSCOPE_CONFIG;
    }
  });
});
