/**
 * The binding's create with an ACL (a_create2_acl, zoo_acreate2_ttl, added by
 * patches/zookeeper+7.3.0.patch): the ACL is in the create request and the stat comes back with it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { ZRC } from '@/lib/zk/errors';
import { ZkSession } from '@/lib/zk/session';
import { expectCode } from '../helpers/expect-code';
import { testConnectString, uniqueRoot } from '../helpers/zk';

let session: ZkSession;
let root: string;
const digest = `alice:${createHash('sha1').update('alice:secret').digest('base64')}`;

beforeAll(async () => {
  session = new ZkSession({ id: 'create-acl', name: 'create-acl', connectString: testConnectString(), sessionTimeoutMs: 10_000, readOnly: false });
  root = uniqueRoot('create-acl');
  await session.run((h) => h.create(root, Buffer.alloc(0), CREATE_FLAGS.persistent));
});

afterAll(() => session.close());

describe('createWithAcl (zoo_acreate2_ttl)', () => {
  it('creates with the ACL given, in one request, and answers the path and stat', async () => {
    const acl = [{ scheme: 'world', auth: 'anyone', perms: 1 }, { scheme: 'digest', auth: digest, perms: 31 }];
    const { path, stat } = await session.run((h) => h.createWithAcl(`${root}/seq-`, Buffer.from('v'), CREATE_FLAGS.persistent_sequential, acl));
    expect(path).toMatch(new RegExp(`^${root}/seq-\\d{10}$`));
    expect(stat).toMatchObject({ version: 0, aversion: 0, dataLength: 1, numChildren: 0, ephemeralOwner: '0' });
    const read = await session.run((h) => h.getAcl(path));
    // Without the admin permission the server shows a digest id with its hash redacted.
    expect(read.acl.map((e) => ({ ...e }))).toEqual([acl[0], { ...acl[1], auth: 'alice:x' }]);
    expect(read.stat.aversion).toBe(0);
  });

  it('creates TTL and ephemeral nodes with their ACL', async () => {
    const acl = [{ scheme: 'world', auth: 'anyone', perms: 31 }];
    const ttl = await session.run((h) => h.createWithAcl(`${root}/ttl`, Buffer.alloc(0), CREATE_FLAGS.ttl, acl, 60_000));
    expect(ttl.path).toBe(`${root}/ttl`);
    const eph = await session.run((h) => h.createWithAcl(`${root}/eph`, Buffer.alloc(0), CREATE_FLAGS.ephemeral, acl));
    expect(eph.stat.ephemeralOwner).toBe(session.info().sessionId);
  });

  it('creates nothing when the server refuses the ACL', async () => {
    const e = await expectCode(session.run((h) => h.createWithAcl(`${root}/sasl`, Buffer.from('x'), 0, [{ scheme: 'sasl', auth: 'bob', perms: 31 }])), 'INVALID_REQUEST');
    expect(e.rc).toBe(ZRC.ZINVALIDACL);
    expect(await session.run((h) => h.exists(`${root}/sasl`))).toBeNull();
    // The auth scheme without credentials: refused the same way.
    await expectCode(session.run((h) => h.createWithAcl(`${root}/auth`, Buffer.alloc(0), 0, [{ scheme: 'auth', auth: '', perms: 31 }])), 'INVALID_REQUEST');
    expect(await session.run((h) => h.exists(`${root}/auth`))).toBeNull();
  });
});
