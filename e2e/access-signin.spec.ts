/**
 * Sign-in mode in the browser. The e2e run's app is in local mode, so these tests start a second
 * server on the same build and ZooKeeper with a users file (admin, viewer) and their own audit log.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { startExtraServer } from './fixtures/extra-server';
import { expect, test as base } from './fixtures/zk';
import { FIRST_RENDER_MS } from './pages/open-node';
import { createAll, uniqueRoot } from './pages/test-data';

const USERS = { ada: { role: 'admin', password: 'ada-e2e-password' }, vic: { role: 'viewer', password: 'vic-e2e-password' } } as const;

const test = base.extend<object, { signInServer: string }>({
  signInServer: [
    async ({ zkConnectString }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'zooscope-e2e-users-'));
      const usersFile = join(dir, 'users.json');
      for (const [name, u] of Object.entries(USERS)) upsertUser(usersFile, { name, role: u.role, hash: await hashPassword(u.password) });
      const server = await startExtraServer(zkConnectString, { ZOOSCOPE_USERS_FILE: usersFile, ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite') });
      await use(server.url);
      server.stop();
    },
    { scope: 'worker' },
  ],
});

async function signIn(page: Page, name: keyof typeof USERS, password: string = USERS[name].password) {
  await page.getByRole('textbox', { name: 'User name' }).fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sign-in journey: redirected to sign in, a wrong password refused, back where we wanted to go, signed out', async ({ page, signInServer }) => {
  await page.goto(`${signInServer}/c/default/browse/apps`);
  await expect(page).toHaveURL(`${signInServer}/signin?next=%2Fc%2Fdefault%2Fbrowse%2Fapps`);
  await expect(page.getByRole('heading', { name: 'Sign in to Zooscope' })).toBeVisible();
  // The API refuses too, not just the page.
  expect((await page.request.get(`${signInServer}/api/v1/connections`)).status()).toBe(401);

  await signIn(page, 'ada', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Not authenticated' })).toContainText('Wrong user name or password');
  await expect(page.getByLabel('Password')).toHaveValue('');

  await signIn(page, 'ada');
  await expect(page).toHaveURL(`${signInServer}/c/default/browse/apps`);
  await expect(page.getByRole('heading', { level: 1, name: 'apps' })).toBeVisible();
  await expect(page.getByLabel('Signed in as ada (admin)')).toBeVisible({ timeout: FIRST_RENDER_MS });
  await expect(page.getByRole('note', { name: 'Local mode' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(`${signInServer}/c/default/browse/apps`);
  await expect(page).toHaveURL(/\/signin\?next=/);
});

test('a viewer can read but the ACL editor is not offered, and the server refuses writes', async ({ page, signInServer }) => {
  await page.goto(`${signInServer}/signin?next=%2Fc%2Fdefault%2Fbrowse%2Fapps%2Freadme`);
  await signIn(page, 'vic');
  await expect(page.getByLabel('Signed in as vic (viewer)')).toBeVisible({ timeout: FIRST_RENDER_MS });
  await expect(page.getByRole('list', { name: 'ACL entries of /apps/readme' })).toContainText('world:anyone');
  const edit = page.getByRole('button', { name: 'Edit ACL' });
  await expect(edit).toBeDisabled();
  await expect(edit).toHaveAttribute('title', /Your role \(viewer\) cannot change ACLs/);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  const put = await page.request.put(`${signInServer}/api/v1/connections/default/node`, {
    data: { path: '/apps/readme', data: { text: 'x' }, version: 0 },
    headers: { origin: signInServer },
  });
  expect(put.status()).toBe(403);
  expect((await put.json()).error.code).toBe('FORBIDDEN');
});

test('the audit log lists a change with its diff, for admins', async ({ page, signInServer, zk }) => {
  const root = uniqueRoot('audit');
  const path = `${root}/flags`;
  await createAll(zk, [[root], [path, 'color=blue\nsize=10\n']]);
  await page.goto(`${signInServer}/signin`);
  await signIn(page, 'ada');
  await expect(page.getByLabel('Signed in as ada (admin)')).toBeVisible({ timeout: FIRST_RENDER_MS });
  const saved = await page.request.put(`${signInServer}/api/v1/connections/default/node`, {
    data: { path, data: { text: 'color=green\nsize=10\n' }, version: 0 },
    headers: { origin: signInServer },
  });
  expect(saved.status()).toBe(200);

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Path (and below)' }).fill(root);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const row = page.getByRole('row').filter({ hasText: path });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Set data');
  await expect(row).toContainText('0 → 1');
  // The connection is named as the header's selector names it.
  const listed = (await (await page.request.get(`${signInServer}/api/v1/connections`)).json()) as { connections: Array<{ id: string; name: string }> };
  await expect(row.getByRole('cell').nth(4)).toHaveText(listed.connections.find((c) => c.id === 'default')!.name);
  await row.getByRole('button', { name: `Show the change: Set data ${path} by ada` }).click();
  const diff = page.getByRole('textbox', { name: 'Change from before to after' });
  await expect(diff).toContainText('color=green');
  await expect(page.locator('.cm-deletedChunk')).toContainText('color=blue');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON lines' }).click()]);
  const lines = (await (await download.createReadStream()).toArray()).join('').trim().split('\n');
  expect(lines.map((l) => JSON.parse(l).path)).toEqual([path]);
});
