/**
 * Bulk actions in the browser: a subtree exported, deleted, imported back (the dry run's plan
 * first) and compared with its export (no differences); a long comparison cancelled (the server
 * stops: its audit entry says so); the tree row's menu by keyboard; what a viewer is offered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { startExtraServer } from './fixtures/extra-server';
import { expect, test as base } from './fixtures/zk';
import { BulkActions } from './pages/bulk-actions';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, deleteTree, uniqueRoot } from './pages/test-data';

const VIEWER = { name: 'vera', password: 'vera-e2e-password' };

const test = base.extend<object, { viewerServer: string }>({
  viewerServer: [
    async ({ zkConnectString }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'zooscope-e2e-bulk-'));
      const usersFile = join(dir, 'users.json');
      upsertUser(usersFile, { name: VIEWER.name, role: 'viewer', hash: await hashPassword(VIEWER.password) });
      const server = await startExtraServer(zkConnectString, { ZOOSCOPE_USERS_FILE: usersFile, ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite') });
      await use(server.url);
      server.stop();
    },
    { scope: 'worker' },
  ],
});

test('export a subtree, delete it, import it back after a dry run, and compare with the export: no differences', async ({ page, zk }, testInfo) => {
  test.setTimeout(90_000);
  const root = uniqueRoot('bulk');
  const app = `${root}/app`;
  await createAll(zk, [[root], [app, 'top'], [`${app}/config`, '{"port":9092}'], [`${app}/config/한국어`, '설정'], [`${app}/we?ird#na%me`, 'odd'], [`${app}/seq-0000000003`, '']]);
  const explorer = new ExplorerPage(page);
  const bulk = new BulkActions(page);
  await bulk.goto(app);

  const exported = await bulk.choose('Export…', `Export ${app}`);
  const [download] = await Promise.all([page.waitForEvent('download'), exported.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/-app-\d{8}T\d{6}Z\.zkexport\.gz$/);
  await expect(exported.getByRole('status')).toContainText('Exported 5 nodes');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await exported.getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete 5 nodes' }).click();
  await expect(explorer.heading).toHaveText(root.slice(1));
  await expect(explorer.item('app')).toHaveCount(0);

  const imported = await bulk.choose('Import…', `Import into ${root}`);
  await bulk.pickFile(imported, file);
  await imported.getByRole('textbox', { name: 'Import below' }).fill(app);
  const importButton = imported.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await imported.getByRole('button', { name: 'Dry run' }).click();
  const plan = imported.getByRole('region', { name: 'Dry run plan' });
  await expect(plan.getByRole('status')).toContainText('Dry run, nothing written: create 5');
  await expect(plan.getByRole('table', { name: 'Planned changes' })).toContainText(`${app}/config/한국어`);
  expect(await zk.get_children(root, false)).toEqual([]);
  await importButton.click();
  const report = imported.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Created5');
  await expect(report.getByRole('button', { name: /^Undo: remove the 5 created nodes$/ })).toBeVisible();
  await imported.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(explorer.item('app')).toBeVisible();

  await bulk.goto(app);
  const compared = await bulk.choose('Compare with…', `Compare ${app}`);
  await compared.getByRole('radio', { name: 'An export file' }).check();
  await bulk.pickFile(compared, file);
  await compared.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compared.getByRole('status')).toContainText('No differences · 5 of 5 nodes on both sides are the same');

  // A change since the export shows in the tree of differences, and opens side by side.
  await zk.set(`${app}/config`, '{"port":9093}', -1);
  await compared.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compared.getByRole('status')).toContainText('1 changed');
  await compared.getByRole('list', { name: 'Differences' }).getByRole('button', { name: 'config' }).click();
  await expect(compared.getByRole('textbox', { name: `Value in ${app}` })).toContainText('9093');
  await expect(compared.getByRole('textbox', { name: `Value in ${download.suggestedFilename()}` })).toContainText('9092');
  await deleteTree(zk, root);
});

test('a long comparison is cancelled, and the server stops', async ({ page, zk }) => {
  test.setTimeout(120_000);
  const root = uniqueRoot('bulk-cancel');
  const nodes: Array<[string, string]> = [[root, '']];
  for (let i = 0; i < 40; i++) {
    nodes.push([`${root}/p${i}`, '']);
    for (let j = 0; j < 100; j++) nodes.push([`${root}/p${i}/c${j}`, 'value']);
  }
  await createAll(zk, nodes);
  const bulk = new BulkActions(page);
  await bulk.goto(root);
  const dialog = await bulk.choose('Compare with…', `Compare ${root}`);
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Compare progress' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toContainText('Cancelled');
  // The audit entry is finished when the server's walk stops: stopped, part way.
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/v1/audit?operation=compare&path=${encodeURIComponent(root)}`);
      const entry = (await res.json()).entries[0];
      return entry?.detail?.outcome;
    })
    .toBe('stopped');
  const entry = (await (await page.request.get(`/api/v1/audit?operation=compare&path=${encodeURIComponent(root)}`)).json()).entries[0];
  expect(entry.detail.compared).toBeLessThan(nodes.length);
  await deleteTree(zk, root);
});

test('the tree row menu opens from the keyboard (Shift+F10, context-menu key)', async ({ page, zk }) => {
  const root = uniqueRoot('bulk-keys');
  await createAll(zk, [[root], [`${root}/child`, 'x']]);
  const explorer = new ExplorerPage(page);
  const bulk = new BulkActions(page);
  await bulk.goto(`${root}/child`);
  const row = explorer.item('child');
  await row.focus();
  await page.keyboard.press('Shift+F10');
  await expect(bulk.menu).toHaveAccessibleName(`Actions for ${root}/child`);
  await page.keyboard.press('ArrowDown');
  await expect(bulk.menu.getByRole('menuitem', { name: 'Export…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bulk.menu).toHaveCount(0);
  await expect(row).toBeFocused();
  await page.keyboard.press('ContextMenu');
  await bulk.menu.getByRole('menuitem', { name: 'Copy to…' }).click();
  await expect(page.getByRole('dialog', { name: `Copy ${root}/child` })).toBeVisible();
  await deleteTree(zk, root);
});

test('a viewer is offered export and compare, not import, copy or move', async ({ page, viewerServer, zk }) => {
  const root = uniqueRoot('bulk-viewer');
  await createAll(zk, [[root, 'x']]);
  await page.goto(`${viewerServer}/signin?next=${encodeURIComponent(ExplorerPage.url(root))}`);
  await page.getByRole('textbox', { name: 'User name' }).fill(VIEWER.name);
  await page.getByLabel('Password').fill(VIEWER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel(`Signed in as ${VIEWER.name} (viewer)`)).toBeVisible();
  const menu = await new BulkActions(page).open();
  await expect(menu.getByRole('menuitem')).toHaveText(['Export…', 'Compare with…']);
  await deleteTree(zk, root);
});
