/**
 * Bookmarks through the REST API in sign-in mode: each operator sees their own, per connection,
 * a bookmark to a deleted node is kept and marked missing, and a viewer may keep bookmarks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { Browser, enc } from './support/browser';

const saved = { ...process.env };
const PASSWORDS = { ada: 'ada-admin-pass-1', vic: 'vic-viewer-pass-3' };
const URL = '/api/v1/connections/default/bookmarks';
let root: string;

async function signedIn(name: keyof typeof PASSWORDS): Promise<Browser> {
  const browser = new Browser();
  expect((await browser.call('POST', '/api/v1/session', { username: name, password: PASSWORDS[name] })).status).toBe(200);
  return browser;
}

const listed = async (b: Browser, url = URL) => {
  const res = await b.call('GET', url);
  expect(res.status).toBe(200);
  return (res.body.bookmarks as Array<{ path: string; exists: boolean }>).map((m) => `${m.path.slice(root.length) || '/'}${m.exists ? '' : ' (missing)'}`);
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-bookmarks-'));
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ada', role: 'admin', hash: await hashPassword(PASSWORDS.ada) });
  upsertUser(usersFile, { name: 'vic', role: 'viewer', hash: await hashPassword(PASSWORDS.vic) });
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'other', connectString: testConnectString(), readOnly: true }]));
  process.env.ZOOSCOPE_USERS_FILE = usersFile;
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'app.sqlite');
  root = uniqueRoot('bookmarks');
  const ada = await signedIn('ada');
  for (const p of [root, `${root}/a`, `${root}/b`, `${root}/gone`]) {
    expect((await ada.call('POST', '/api/v1/connections/default/node', { path: p, parents: true })).status).toBe(201);
  }
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('bookmarks', () => {
  it('belong to each operator, per connection', async () => {
    const ada = await signedIn('ada');
    const vic = await signedIn('vic');
    const added = await ada.call('POST', URL, { path: `${root}/a` });
    expect(added.status).toBe(201);
    expect(added.body.bookmark).toEqual({ path: `${root}/a`, createdAt: expect.any(Number), exists: true });
    // Adding again keeps the one there is.
    expect((await ada.call('POST', URL, { path: `${root}/a` })).body.bookmark.createdAt).toBe(added.body.bookmark.createdAt);
    // A viewer keeps bookmarks too (they change nothing in ZooKeeper), on a read-only connection as well.
    expect((await vic.call('POST', URL, { path: `${root}/b` })).status).toBe(201);
    expect((await vic.call('POST', '/api/v1/connections/other/bookmarks', { path: root })).status).toBe(201);

    expect(await listed(ada)).toEqual(['/a']);
    expect(await listed(vic)).toEqual(['/b']);
    expect(await listed(vic, '/api/v1/connections/other/bookmarks')).toEqual(['/']);
    expect(await listed(await signedIn('ada'))).toEqual(['/a']);

    expect((await vic.call('DELETE', `${URL}?path=${enc(`${root}/b`)}`)).status).toBe(204);
    expect(await listed(vic)).toEqual([]);
    expect(await listed(ada)).toEqual(['/a']);
    // Removing a bookmark that is not there changes nothing, and is not audited.
    expect((await vic.call('DELETE', `${URL}?path=${enc(`${root}/b`)}`)).status).toBe(204);

    // Each change is in the audit log once: the repeated add and the second delete changed nothing.
    const audit = async (operation: string) => {
      const res = await ada.call('GET', `/api/v1/audit?operation=${operation}&path=${enc(root)}`);
      expect(res.status).toBe(200);
      return (res.body.entries as Array<{ operator: string; path: string }>).map((e) => `${e.operator} ${e.path.slice(root.length) || '/'}`).sort();
    };
    expect(await audit('bookmark_add')).toEqual(['ada /a', 'vic /', 'vic /b']);
    expect(await audit('bookmark_remove')).toEqual(['vic /b']);
  });

  it('keeps a bookmark to a node deleted since, marked missing', async () => {
    const ada = await signedIn('ada');
    expect((await ada.call('POST', URL, { path: `${root}/gone` })).status).toBe(201);
    expect((await ada.call('DELETE', `/api/v1/connections/default/node?path=${enc(`${root}/gone`)}&version=0`)).status).toBe(204);
    expect(await listed(ada)).toEqual(['/a', '/gone (missing)']);
  });

  it('refuses bad input and unknown nodes, and needs a session', async () => {
    const ada = await signedIn('ada');
    expect((await ada.call('POST', URL, { path: 'relative' })).body.error.code).toBe('INVALID_PATH');
    expect((await ada.call('POST', URL, {})).body.error.code).toBe('INVALID_REQUEST');
    expect((await ada.call('POST', URL, { path: `${root}/never` })).status).toBe(404);
    expect((await ada.call('DELETE', URL)).body.error.code).toBe('INVALID_REQUEST');
    expect((await new Browser().call('GET', URL)).status).toBe(401);
  });
});
