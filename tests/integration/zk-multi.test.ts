/**
 * The binding's multi (zoo_amulti, added by patches/zookeeper+7.3.0.patch) through lib/zk/multi:
 * every op type, atomicity, and the real request-size bound of the server.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CREATE_FLAGS, type NativeMultiOp } from '@/lib/zk/client';
import { createNode } from '@/lib/zk/create-node';
import { MAX_REQUEST_BYTES, multi, multiRequestBytes, type MultiOp } from '@/lib/zk/multi';
import { getAcl } from '@/lib/zk/node-acl';
import { getNode, statNode } from '@/lib/zk/nodes';
import { ZkSession } from '@/lib/zk/session';
import { ZRC } from '@/lib/zk/errors';
import { expectCode } from '../helpers/expect-code';
import { testConnectString, uniqueRoot } from '../helpers/zk';

let session: ZkSession;
let root: string;

const config = () => ({ id: 'multi-test', name: 'multi-test', connectString: testConnectString(), sessionTimeoutMs: 10_000, readOnly: false });
const text = async (path: string) => (await getNode(session, path)).data.text;

beforeAll(async () => {
  session = new ZkSession(config());
  root = uniqueRoot('multi');
  await createNode(session, { path: root, data: Buffer.alloc(0), mode: 'persistent' });
});

afterAll(() => session.close());

describe('multi (zoo_amulti) against a real ZooKeeper', () => {
  it('runs create, set, check and delete in one transaction and answers each result', async () => {
    const { stat: keep } = await createNode(session, { path: `${root}/keep`, data: Buffer.from('v0'), mode: 'persistent' });
    await createNode(session, { path: `${root}/gone`, data: Buffer.alloc(0), mode: 'persistent' });
    const digest = `alice:${createHash('sha1').update('alice:secret').digest('base64')}`;
    const results = await multi(session, [
      { op: 'create', path: `${root}/plain`, data: Buffer.from('p') },
      { op: 'create', path: `${root}/seq-`, mode: 'persistent_sequential', data: Buffer.from('s') },
      { op: 'create', path: `${root}/eph`, mode: 'ephemeral' },
      { op: 'create', path: `${root}/private`, data: Buffer.from('secret'), acl: [{ scheme: 'digest', id: digest, perms: 'cdrwa' }] },
      { op: 'check', path: `${root}/keep`, version: keep.version },
      { op: 'set', path: `${root}/keep`, data: Buffer.from('v1'), version: keep.version },
      { op: 'delete', path: `${root}/gone`, version: 0 },
    ]);
    expect(results.map((r) => r.op)).toEqual(['create', 'create', 'create', 'create', 'check', 'set', 'delete']);
    expect(results[0]).toEqual({ op: 'create', path: `${root}/plain` });
    expect(results[1].path).toMatch(new RegExp(`^${root}/seq-\\d{10}$`));
    const set = results[5];
    expect(set.op === 'set' && set.stat.version).toBe(keep.version + 1);
    expect(await text(`${root}/plain`)).toBe('p');
    expect(await text(results[1].path)).toBe('s');
    expect((await statNode(session, `${root}/eph`))?.ephemeralOwner).not.toBe('0');
    await expectCode(getNode(session, `${root}/private`), 'NO_AUTH');
    expect((await getAcl(session, `${root}/private`).catch(() => null))?.acl ?? 'unreadable').toBe('unreadable');
    expect(await text(`${root}/keep`)).toBe('v1');
    expect(await statNode(session, `${root}/gone`)).toBeNull();
  });

  it('is all-or-nothing: a failing op in the middle leaves nothing written, and says which op failed', async () => {
    const { stat } = await createNode(session, { path: `${root}/target`, data: Buffer.from('before'), mode: 'persistent' });
    const ops: MultiOp[] = [
      { op: 'create', path: `${root}/a`, data: Buffer.from('a') },
      { op: 'set', path: `${root}/target`, data: Buffer.from('first'), version: stat.version },
      { op: 'create', path: `${root}/b` },
      { op: 'check', path: `${root}/target`, version: stat.version + 5 },
      { op: 'create', path: `${root}/c` },
    ];
    const e = await expectCode(multi(session, ops), 'BAD_VERSION');
    expect(e.path).toBe(`${root}/target`);
    expect(e.message).toMatch(/operation 4 of 5 \(check .*\) failed, so nothing was written/);
    expect(e.details?.failedOp).toBe(3);
    expect((e.details?.results as Array<{ outcome: string }>).map((r) => r.outcome)).toEqual(['rolled_back', 'rolled_back', 'rolled_back', 'failed', 'not_run']);
    for (const p of ['a', 'b', 'c']) expect(await statNode(session, `${root}/${p}`)).toBeNull();
    const target = await getNode(session, `${root}/target`);
    expect(target.data.text).toBe('before');
    expect(target.stat.version).toBe(stat.version);

    // A create under a missing parent, and a create of an existing node, fail the same way.
    await expectCode(multi(session, [{ op: 'create', path: `${root}/d` }, { op: 'create', path: `${root}/none/x` }]), 'NO_NODE');
    await expectCode(multi(session, [{ op: 'create', path: `${root}/d` }, { op: 'create', path: `${root}/target` }]), 'NODE_EXISTS');
    expect(await statNode(session, `${root}/d`)).toBeNull();
  });

  it('refuses before sending what the server would refuse or drop', async () => {
    await expectCode(multi(session, [{ op: 'create', path: `${root}/t`, mode: 'ttl' }]), 'UNSUPPORTED');
    // The C client misreads a container create's answer in a multi (and every answer after it).
    await expectCode(multi(session, [{ op: 'create', path: `${root}/box`, mode: 'container' }]), 'UNSUPPORTED');
    await expectCode(multi(session, [{ op: 'create', path: `${root}/x`, acl: [{ scheme: 'auth', id: '', perms: 'cdrwa' }] }]), 'INVALID_REQUEST');
    await expectCode(multi(session, [{ op: 'delete', path: 'no-slash', version: -1 }]), 'INVALID_PATH');
    await expectCode(multi(session, [{ op: 'check', path: `${root}/target`, version: 1.5 }]), 'INVALID_REQUEST');
    expect(await multi(session, [])).toEqual([]);
    expect(session.currentState).toBe('connected');
  });

  it('fits as many 100-byte creates as jute.maxbuffer allows, and the size estimate is the real bound', async () => {
    // A transaction this large takes the server seconds: past 2/3 of a 10 s session timeout the
    // C client gives up on the connection (ZOPERATIONTIMEOUT). This session waits longer.
    const long = new ZkSession({ ...config(), sessionTimeoutMs: 30_000 });
    onTestFinished(() => long.close());
    const big = `${root}/big`;
    await createNode(session, { path: big, data: Buffer.alloc(0), mode: 'persistent' });
    const value = Buffer.alloc(100, 0x61);
    const creates = (n: number): NativeMultiOp[] =>
      Array.from({ length: n }, (_, i) => ({ type: 'create', path: `${big}/n${String(i).padStart(5, '0')}`, data: value, flags: CREATE_FLAGS.persistent, acl: [{ scheme: 'world', auth: 'anyone', perms: 31 }] }));
    let estimate = Math.floor(MAX_REQUEST_BYTES / multiRequestBytes(creates(1)));
    while (multiRequestBytes(creates(estimate + 1)) <= MAX_REQUEST_BYTES) estimate++;
    while (multiRequestBytes(creates(estimate)) > MAX_REQUEST_BYTES) estimate--;

    // One more than the estimate, straight to the handle past lib/zk's own check: the server
    // drops the connection (every pending request fails) and the session reconnects.
    const started = Date.now();
    const tooMany = await long.run((h) => h.multi(creates(estimate + 1)));
    expect(tooMany.rc).toBe(ZRC.ZCONNECTIONLOSS);
    await long.ready();
    expect(await statNode(long, big)).toMatchObject({ numChildren: 0 });

    // lib/zk refuses the one too many before it is sent, and runs the largest.
    const ops = (n: number): MultiOp[] => creates(n).map((op) => ({ op: 'create', path: op.path, data: value }));
    const e = await expectCode(multi(session, ops(estimate + 1)), 'DATA_TOO_LARGE');
    expect(e.message).toMatch(/split it/);
    expect(await multi(long, ops(estimate))).toHaveLength(estimate);
    expect((await statNode(session, big))?.numChildren).toBe(estimate);
    console.info(`[multi] ${estimate} creates of 100 bytes (paths of ${creates(1)[0].path.length} chars) fit in one transaction, ${estimate + 1} do not (${Date.now() - started} ms)`);
  }, 120_000);
});
