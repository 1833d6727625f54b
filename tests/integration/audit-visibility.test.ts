/**
 * The audit log is no way around ZooKeeper's ACLs (issue 14, item 6): a value is shown only to
 * an operator whose own ZooKeeper identities can read the node now; others see its size and
 * hash. And the log file is readable by the server's account only.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestId } from '@/lib/shared/digest';
import type { AuditEntry } from '@/lib/shared/audit';
import { closeAllSessions } from '@/lib/zk/registry';
import { uniqueRoot } from '../helpers/zk';
import { Browser, enc } from './support/browser';
import { useLocalMode } from './support/local-mode';

const saved = { ...process.env };
const NODE = '/api/v1/connections/default/node';
const AUTH = '/api/v1/connections/default/auth';
const SECRET = 'the-launch-codes-0000';
let dir: string;
let root: string;
const holder = new Browser();
const stranger = new Browser();

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  dir = useLocalMode('audit-vis', 'audit');
  root = uniqueRoot('audit-vis');
  expect((await holder.call('POST', NODE, { path: root })).status).toBe(201);
  expect((await holder.call('POST', AUTH, { scheme: 'digest', credential: 'alice:wonder-1' })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('values of protected nodes in the audit log', () => {
  it('are shown to an operator who can read the node, hidden from one who cannot', async () => {
    const path = `${root}/protected`;
    const acl = [{ scheme: 'digest', id: digestId('alice', 'wonder-1'), perms: 'cdrwa' }];
    expect((await holder.call('POST', NODE, { path, data: { text: 'first' }, acl })).status).toBe(201);
    expect((await holder.call('PUT', NODE, { path, data: { text: SECRET }, version: 0 })).status).toBe(200);
    expect((await stranger.call('GET', `${NODE}?path=${enc(path)}`)).status).toBe(403);

    const page = async (b: Browser) => (await b.call('GET', `/api/v1/audit?path=${enc(path)}`)).body.entries as AuditEntry[];
    const [set] = await page(holder);
    expect(set.after).toMatchObject({ text: SECRET });

    const [hiddenSet, hiddenCreate] = await page(stranger);
    expect(hiddenSet.after).toEqual({ text: null, base64: null, size: SECRET.length, truncated: false, hidden: { sha256: sha256(SECRET), reason: expect.stringMatching(/cannot read this node/), reasonCode: 'noAuth' } });
    expect(hiddenSet.before?.hidden?.sha256).toBe(sha256('first'));
    expect(hiddenCreate.after?.hidden?.sha256).toBe(sha256('first'));

    const exported = await stranger.call('GET', `/api/v1/audit/export?path=${enc(path)}`);
    expect(exported.status).toBe(200);
    expect(exported.text).not.toContain(SECRET);
    expect(exported.text).toContain(sha256(SECRET));
    expect((await holder.call('GET', `/api/v1/audit/export?path=${enc(path)}`)).text).toContain(SECRET);
  });

  it('are shown for world-readable nodes as before', async () => {
    const path = `${root}/open`;
    await holder.call('POST', NODE, { path, data: { text: 'plain' } });
    const [create] = (await stranger.call('GET', `/api/v1/audit?path=${enc(path)}`)).body.entries as AuditEntry[];
    expect(create.after).toEqual({ text: 'plain', base64: null, size: 5, truncated: false });
  });
});

describe('the audit file', () => {
  it('is 0600 in a 0700 directory', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'audit.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'audit.sqlite-wal')).mode & 0o777).toBe(0o600);
  });
});
