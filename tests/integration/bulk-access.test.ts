/**
 * Who may do what in bulk (issue 10, §6): viewers may export; import, copy and undo need the
 * editor role; a copy may read a read-only connection but never write one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { Browser } from './support/browser';

const saved = { ...process.env };
const PASSWORDS = { ed: 'ed-editor-pass-2', vic: 'vic-viewer-pass-3' };
let root: string;

async function signedIn(name: keyof typeof PASSWORDS): Promise<Browser> {
  const browser = new Browser();
  expect((await browser.call('POST', '/api/v1/session', { username: name, password: PASSWORDS[name] })).status).toBe(200);
  return browser;
}

const last = (text: string) => JSON.parse(text.trim().split('\n').pop()!);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-bulk-access-'));
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ed', role: 'editor', hash: await hashPassword(PASSWORDS.ed) });
  upsertUser(usersFile, { name: 'vic', role: 'viewer', hash: await hashPassword(PASSWORDS.vic) });
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'frozen', connectString: testConnectString(), readOnly: true }]));
  process.env.ZOOSCOPE_USERS_FILE = usersFile;
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'app.sqlite');
  root = uniqueRoot('bulkaccess');
  const ed = await signedIn('ed');
  expect((await ed.call('POST', '/api/v1/connections/default/node', { path: `${root}/a`, parents: true })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('bulk access', () => {
  it('lets a viewer export but not import, copy or undo', async () => {
    const vic = await signedIn('vic');
    const exported = await vic.call('GET', `/api/v1/connections/default/export?path=${encodeURIComponent(root)}`);
    expect(exported.status).toBe(200);
    expect(last(exported.text)).toEqual({ summary: { nodes: 2, errors: 0, bytes: 0 } });
    const refused = [
      await vic.call('POST', `/api/v1/connections/default/import?path=${encodeURIComponent(`${root}-copy`)}`, exported.text, { 'content-type': 'application/x-ndjson' }),
      await vic.call('POST', '/api/v1/connections/default/copy', { from: root, to: `${root}-copy` }),
      await vic.call('POST', '/api/v1/connections/default/undo', { created: [`${root}/a`] }),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual([[403, 'FORBIDDEN'], [403, 'FORBIDDEN'], [403, 'FORBIDDEN']]);
  });

  it('lets an editor import, and copy from a read-only connection but not into it', async () => {
    const ed = await signedIn('ed');
    const exported = await ed.call('GET', `/api/v1/connections/frozen/export?path=${encodeURIComponent(root)}`);
    const imported = await ed.call('POST', `/api/v1/connections/default/import?path=${encodeURIComponent(`${root}-imported`)}`, exported.text, { 'content-type': 'application/x-ndjson' });
    expect(last(imported.text).result).toMatchObject({ created: 2, failed: 0 });
    const fromFrozen = await ed.call('POST', '/api/v1/connections/frozen/copy', { from: root, to: `${root}-copied`, targetConnection: 'default' });
    expect(last(fromFrozen.text).result).toMatchObject({ created: 2 });
    const intoFrozen = await ed.call('POST', '/api/v1/connections/default/copy', { from: root, to: `${root}-nope`, targetConnection: 'frozen' });
    expect([intoFrozen.status, intoFrozen.body.error.code]).toEqual([403, 'READ_ONLY']);
    const moveFrozen = await ed.call('POST', '/api/v1/connections/frozen/copy', { from: root, to: `${root}-moved`, targetConnection: 'default', move: true });
    expect(moveFrozen.body.error.code).toBe('READ_ONLY');
  });
});
