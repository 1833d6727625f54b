/**
 * The audit log: every change through the API (create, set, delete, ACL, credentials, sign-in)
 * is recorded with operator, connection, versions and bounded before/after values; filters,
 * paging and the JSON-lines export.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import type { AuditEntry } from '@/lib/shared/audit';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { answers, Browser, enc } from './support/browser';

const saved = { ...process.env };
const PASSWORD = 'auditor-pass-77';
let root: string;
let ada: Browser;

const NODE = '/api/v1/connections/default/node';
const text = (t: string) => ({ text: t });

async function entries(query: string): Promise<AuditEntry[]> {
  const res = await ada.call('GET', `/api/v1/audit?${query}`);
  expect(res.status).toBe(200);
  return res.body.entries;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-audit-'));
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ada', role: 'admin', hash: await hashPassword(PASSWORD) });
  Object.assign(process.env, {
    ZOOSCOPE_USERS_FILE: usersFile,
    ZK_CONNECT: testConnectString(),
    ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite'),
    ZOOSCOPE_AUDIT_VALUE_BYTES: '1024',
  });
  delete process.env.ZOOSCOPE_CONFIG;
  root = uniqueRoot('audit');
  ada = new Browser();
  expect((await ada.call('POST', '/api/v1/session', { username: 'ada', password: PASSWORD })).status).toBe(200);
  expect((await ada.call('POST', NODE, { path: root, parents: true })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('audit log', () => {
  it('records create, set and delete with versions and the values before and after', async () => {
    const path = `${root}/cfg`;
    const t0 = Date.now();
    await ada.call('POST', NODE, { path, data: text('{"v":1}') });
    await ada.call('PUT', NODE, { path, data: text('{"v":2}'), version: 0 });
    await ada.call('PUT', NODE, { path, data: text('{"v":3}'), version: -1 });

    const [set2, set1, create] = await entries(`path=${enc(path)}`);
    expect(create).toMatchObject({ operation: 'create', operator: 'ada', connection: 'default', path, versionBefore: null, versionAfter: 0, before: null, after: { text: '{"v":1}', size: 7, truncated: false }, detail: { mode: 'persistent' } });
    expect(create.time).toBeGreaterThanOrEqual(t0);
    expect(set1).toMatchObject({ operation: 'set', versionBefore: 0, versionAfter: 1, before: { text: '{"v":1}' }, after: { text: '{"v":2}' } });
    expect(set2).toMatchObject({ operation: 'set', versionBefore: 1, versionAfter: 2, before: { text: '{"v":2}' }, after: { text: '{"v":3}' } });

    expect((await ada.call('DELETE', `${NODE}?path=${enc(path)}&version=2`)).status).toBe(204);
    // Who may read a node that is gone cannot be checked: its values are shown as size and hash only.
    const [del] = await entries(`path=${enc(path)}`);
    const sha256 = createHash('sha256').update('{"v":3}').digest('hex');
    expect(del).toMatchObject({ operation: 'delete', versionBefore: 2, versionAfter: null, before: { text: null, base64: null, size: 7, hidden: { sha256, reason: expect.stringMatching(/no longer exists/) } }, after: null, detail: null });
  });

  it('records nothing for a change that did not happen', async () => {
    const path = `${root}/conflict`;
    await ada.call('POST', NODE, { path, data: text('a') });
    expect((await ada.call('PUT', NODE, { path, data: text('b'), version: 7 })).status).toBe(409);
    expect((await entries(`path=${enc(path)}`)).map((e) => e.operation)).toEqual(['create']);
  });

  it('bounds large values and keeps binary ones as base64', async () => {
    const path = `${root}/big`;
    const big = 'é'.repeat(3000); // 6000 bytes of UTF-8
    await ada.call('POST', NODE, { path, data: text(big) });
    const bytes = Buffer.from([0xff, 0x00, 0x10, 0x80]);
    await ada.call('PUT', NODE, { path, data: { base64: bytes.toString('base64') }, version: 0 });
    const [set, create] = await entries(`path=${enc(path)}`);
    expect(create.after).toMatchObject({ size: 6000, truncated: true, base64: null });
    expect(create.after!.text).toBe('é'.repeat(512)); // cut at 1024 bytes, on a character boundary
    expect(set.before).toMatchObject({ size: 6000, truncated: true });
    expect(set.after).toEqual({ text: null, base64: bytes.toString('base64'), size: 4, truncated: false });
  });

  it('records a recursive delete with its node count', async () => {
    const top = `${root}/tree`;
    await ada.call('POST', NODE, { path: `${top}/a/b`, parents: true });
    await ada.call('DELETE', `${NODE}?path=${enc(top)}&version=0&recursive=true`);
    const [del] = await entries(`path=${enc(top)}&operation=delete`);
    expect(del).toMatchObject({ path: top, versionBefore: 0, detail: { recursive: true, nodes: 3 } });
  });

  it('records ACL changes with the ACL version and both ACLs', async () => {
    const path = `${root}/acl`;
    await ada.call('POST', NODE, { path });
    const acl = [{ scheme: 'world', id: 'anyone', perms: 'r' }, { scheme: 'ip', id: '127.0.0.1', perms: 'cdrwa' }];
    expect((await ada.call('PUT', `/api/v1/connections/default/acl?path=${enc(path)}`, { acl, version: 0 })).status).toBe(200);
    const [change] = await entries(`path=${enc(path)}&operation=acl`);
    expect(change).toMatchObject({ versionBefore: 0, versionAfter: 1, before: { text: 'world:anyone cdrwa' }, after: { text: 'world:anyone r\nip:127.0.0.1 cdrwa' } });
  });

  it('records credentials added and dropped without the secret', async () => {
    await ada.call('POST', '/api/v1/connections/default/auth', { scheme: 'digest', credential: 'carol:s3cret-carol' });
    await ada.call('DELETE', '/api/v1/connections/default/auth');
    const [add] = await entries('operation=auth_add');
    const [drop] = await entries('operation=auth_drop');
    expect(add).toMatchObject({ operator: 'ada', connection: 'default', path: null, detail: { scheme: 'digest', id: 'carol' } });
    expect(drop).toMatchObject({ operator: 'ada', detail: { identities: ['digest:carol'] } });
    expect(JSON.stringify([add, drop])).not.toContain('s3cret');
  });

  it('records sign-ins, failed sign-ins and sign-outs', async () => {
    const browser = new Browser();
    await browser.call('POST', '/api/v1/session', { username: 'ada', password: 'wrong-password' });
    await browser.call('POST', '/api/v1/session', { username: 'ada', password: PASSWORD });
    await browser.call('DELETE', '/api/v1/session');
    const ops = (await entries('operator=ada&limit=3')).map((e) => e.operation);
    expect(ops).toEqual(['sign_out', 'sign_in', 'sign_in_failed']);
    expect(JSON.stringify(await entries('operator=ada'))).not.toContain('wrong-password');
  });

  it('filters by path subtree, operator, operation and time, and pages with `before`', async () => {
    const all = await entries(`path=${enc(root)}&limit=1000`);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((e) => e.path === root || e.path!.startsWith(`${root}/`))).toBe(true);
    // A sibling sharing the prefix is not "below" the path.
    await ada.call('POST', NODE, { path: `${root}-sibling` });
    expect((await entries(`path=${enc(root)}&limit=1000`)).length).toBe(all.length);
    expect(await entries('operator=nobody')).toEqual([]);
    const creates = await entries(`path=${enc(root)}&operation=create&limit=1000`);
    expect(creates.length).toBeGreaterThan(3);
    expect(creates.every((e) => e.operation === 'create')).toBe(true);
    const middle = all[Math.floor(all.length / 2)];
    const later = await entries(`path=${enc(root)}&from=${new Date(middle.time).toISOString()}&limit=1000`);
    expect(later.every((e) => e.time >= middle.time)).toBe(true);
    expect(await entries(`path=${enc(root)}&to=${all[all.length - 1].time - 1}`)).toEqual([]);

    const first = await ada.call('GET', `/api/v1/audit?path=${enc(root)}&limit=4`);
    expect(first.body.entries).toEqual(all.slice(0, 4));
    const second = await ada.call('GET', `/api/v1/audit?path=${enc(root)}&limit=4&before=${first.body.nextBefore}`);
    expect(second.body.entries).toEqual(all.slice(4, 8));

    expect((await ada.call('GET', '/api/v1/audit?operation=rename')).status).toBe(400);
    expect((await ada.call('GET', '/api/v1/audit?from=yesterday')).body.error.message).toMatch(/from must be an ISO date/);
  });

  it('exports the filtered entries as JSON lines, oldest first', async () => {
    const res = await ada.call('GET', `/api/v1/audit/export?path=${enc(root)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="zooscope-audit-.*\.jsonl"/);
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    const newestFirst = await entries(`path=${enc(root)}&limit=1000`);
    expect(lines).toEqual([...newestFirst].reverse());
  });

  it('never returned a password or credential', () => {
    for (const secret of [PASSWORD, 'wrong-password', 's3cret-carol']) {
      expect(answers.filter((a) => a.text.includes(secret)).map((a) => `${a.method} ${a.url}`)).toEqual([]);
    }
  });
});
