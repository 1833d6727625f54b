/**
 * Writes are never half done nor unaudited (issue 14, item 2), through the real route handlers:
 * a create carries its ACL in one request, a recursive delete checks the top version before
 * deleting anything, parents made by a create are in its audit entry, and no audit log means no
 * change.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/audit/store';
import { multi } from '@/lib/zk/multi';
import { getAcl } from '@/lib/zk/node-acl';
import { closeAllSessions, getSession } from '@/lib/zk/registry';
import type { AuditEntry } from '@/lib/shared/audit';
import { api, enc } from './support/api';
import { testConnectString, uniqueRoot } from '../helpers/zk';

const saved = { ...process.env };
let root: string;
let auditFile: string;

const NODE = '/api/v1/connections/default/node';
const nodeAt = (path: string) => `${NODE}?path=${enc(path)}`;
const audit = (path: string): AuditEntry[] => queryAudit({ path, limit: 1000 }).entries;

beforeAll(async () => {
  auditFile = join(mkdtempSync(join(tmpdir(), 'zooscope-writes-')), 'audit.sqlite');
  Object.assign(process.env, { ZK_CONNECT: testConnectString(), ZOOSCOPE_AUDIT_FILE: auditFile });
  delete process.env.ZOOSCOPE_CONFIG;
  root = uniqueRoot('writes');
  expect((await api('POST', NODE, { path: root, parents: true })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('creates with an ACL', () => {
  it('sets the ACL in the create itself (the ACL version stays 0)', async () => {
    const path = `${root}/readonly`;
    const res = await api('POST', NODE, { path, data: { text: 'x' }, acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }] });
    expect(res.status).toBe(201);
    // Created open and then narrowed, it would be at ACL version 1.
    expect(res.body.stat.aversion).toBe(0);
    expect((await getAcl(getSession('default', []), path)).acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'r' }]);
  });

  it('leaves nothing behind, parents included, when the server refuses the ACL', async () => {
    const path = `${root}/refused/deeper/node`;
    const res = await api('POST', NODE, { path, data: { text: 'secret' }, parents: true, acl: [{ scheme: 'sasl', id: 'bob', perms: 'cdrwa' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).toMatch(/refused the ACL.*Nothing was created/);
    expect((await api('GET', nodeAt(path))).status).toBe(404);
    expect((await api('GET', nodeAt(`${root}/refused`))).status).toBe(404);
    expect(audit(`${root}/refused`)).toEqual([]);
  });

  it('refuses the auth scheme without credentials before sending anything', async () => {
    const path = `${root}/auth-only`;
    const res = await api('POST', NODE, { path, acl: [{ scheme: 'auth', id: '', perms: 'cdrwa' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/auth scheme stands for the identities this connection authenticated with, and it has none/);
    expect((await api('GET', nodeAt(path))).status).toBe(404);
  });
});

describe('creates with parents', () => {
  it('creates the missing parents and the node in one transaction, and audits the parents', async () => {
    const path = `${root}/p1/p2/leaf`;
    const res = await api('POST', NODE, { path, data: { text: 'v' }, parents: true });
    expect(res.status).toBe(201);
    const [entry, ...others] = audit(`${root}/p1`);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ operation: 'create', path, versionAfter: 0 });
    expect(entry.detail).toEqual({ mode: 'persistent', parents: [`${root}/p1`, `${root}/p1/p2`] });
  });
});

describe('recursive deletes', () => {
  it('check the top version before deleting anything', async () => {
    const top = `${root}/tree`;
    await api('POST', NODE, { path: `${top}/a/b`, parents: true });
    await api('POST', NODE, { path: `${top}/c` });
    const res = await api('DELETE', `${nodeAt(top)}&version=7&recursive=true`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BAD_VERSION');
    expect(res.body.error.message).toMatch(/Nothing was deleted/);
    for (const p of ['a', 'a/b', 'c']) expect((await api('GET', nodeAt(`${top}/${p}`))).status).toBe(200);
    expect(audit(top).filter((e) => e.operation === 'delete')).toEqual([]);
    expect((await api('DELETE', `${nodeAt(top)}&version=0&recursive=true`)).status).toBe(204);
    expect((await api('GET', nodeAt(`${top}/a/b`))).status).toBe(404);
  });

  it('is one transaction up to 1,000 nodes: a node it may not delete stops it with nothing deleted', async () => {
    const top = `${root}/guarded`;
    await api('POST', NODE, { path: `${top}/open/x`, parents: true });
    // No delete permission on /locked: its child cannot go.
    await api('POST', NODE, { path: `${top}/locked`, acl: [{ scheme: 'world', id: 'anyone', perms: 'crwa' }] });
    await api('POST', NODE, { path: `${top}/locked/kid` });
    const res = await api('DELETE', `${nodeAt(top)}&version=0&recursive=true`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/nothing was written/);
    for (const p of ['open', 'open/x', 'locked/kid']) expect((await api('GET', nodeAt(`${top}/${p}`))).status).toBe(200);
    expect(audit(top).filter((e) => e.operation === 'delete')).toEqual([]);
  });

  it('past 1,000 nodes, one that stops part way leaves an audit entry saying what it deleted', async () => {
    const top = `${root}/large`;
    // 1,100 leaves, then /locked/kid (no delete permission on /locked) on the same deepest level.
    await api('POST', NODE, { path: `${top}/wide`, parents: true });
    const session = getSession('default', []);
    await multi(session, Array.from({ length: 1100 }, (_, i) => ({ op: 'create' as const, path: `${top}/wide/n${String(i).padStart(4, '0')}` })));
    await api('POST', NODE, { path: `${top}/locked`, acl: [{ scheme: 'world', id: 'anyone', perms: 'crwa' }] });
    await api('POST', NODE, { path: `${top}/locked/kid` });
    const res = await api('DELETE', `${nodeAt(top)}&version=0&recursive=true`);
    expect(res.status).toBe(403);
    const [entry, ...others] = audit(top).filter((e) => e.operation === 'delete');
    expect(others).toEqual([]);
    expect(entry.path).toBe(top);
    expect(entry.detail).toMatchObject({ recursive: true, outcome: 'failed', error: 'NO_AUTH', nodes: 1104 });
    // Exactly the leaves that are gone: the level's deletes in flight settled before the count.
    const left = (await api('GET', `/api/v1/connections/default/children?path=${enc(`${top}/wide`)}&limit=5000`)).body.total;
    expect(entry.detail?.deleted).toBe(1100 - left);
    expect(entry.detail?.deleted).toBeGreaterThan(0);
    expect((await api('GET', nodeAt(`${top}/locked/kid`))).status).toBe(200);
  }, 60_000);
});

describe('without an audit log', () => {
  it('refuses every change, and changes nothing', async () => {
    const path = `${root}/unaudited`;
    expect((await api('POST', NODE, { path, data: { text: 'v0' } })).status).toBe(201);
    // A directory that cannot be made: the audit file cannot be opened.
    process.env.ZOOSCOPE_AUDIT_FILE = '/dev/null/zooscope/audit.sqlite';
    try {
      const created = await api('POST', NODE, { path: `${path}-new` });
      expect(created.status).toBe(503);
      expect(created.body.error.code).toBe('AUDIT_UNAVAILABLE');
      expect((await api('PUT', NODE, { path, data: { text: 'v1' }, version: 0 })).body.error?.code).toBe('AUDIT_UNAVAILABLE');
      expect((await api('DELETE', `${nodeAt(path)}&version=0`)).status).toBe(503);
    } finally {
      process.env.ZOOSCOPE_AUDIT_FILE = auditFile;
    }
    expect((await api('GET', nodeAt(`${path}-new`))).status).toBe(404);
    const node = await api('GET', nodeAt(path));
    expect(node.body.data.text).toBe('v0');
    expect(node.body.stat.version).toBe(0);
    // The entries that were written are finished: none is left pending.
    expect(queryAudit({ limit: 1000 }).entries.filter((e) => e.detail?.outcome === 'pending')).toEqual([]);
  });
});
