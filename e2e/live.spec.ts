import type { Page } from '@playwright/test';
import { expect, test, type RawZk } from './fixtures/zk';

/**
 * Live updates in the browser: changes made by another ZooKeeper client show up in the open
 * page without a reload (node panel, tree, Events page), and an edit in progress is warned.
 */

const root = `/e2e-live-${Date.now().toString(36)}`;

const browse = (path: string) => `/c/default/browse${path}`;
const dataEditor = (page: Page) => page.getByRole('textbox', { name: 'Data' });
const treeItem = (page: Page, name: string) => page.getByRole('tree').getByRole('treeitem', { name, exact: true });

async function createNode(zk: RawZk, path: string, value = ''): Promise<void> {
  await zk.create(path, Buffer.from(value), 0);
}

/** Waits until the page's live stream watches what it shows (its hello arrived and the status is live). */
async function waitForLive(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible();
}

test.beforeAll(async ({ zk }) => {
  await createNode(zk, root);
});

test('a change made by another client appears in the open node and its stat without a reload', async ({ page, zk }) => {
  const path = `${root}/settings.json`;
  await createNode(zk, path, '{"mode":"blue"}');
  await page.goto(browse(path));
  await waitForLive(page);
  await expect(dataEditor(page)).toContainText('"mode":"blue"');
  // The subscription is set up right after the page shows the node.
  await expect(async () => {
    await zk.set(path, Buffer.from('{"mode":"green"}'), -1);
    await expect(dataEditor(page)).toContainText('"mode":"green"', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const navigations: string[] = [];
  page.on('framenavigated', (f) => navigations.push(f.url()));
  await zk.set(path, Buffer.from('{"mode":"red"}'), -1);
  await expect(dataEditor(page)).toContainText('"mode":"red"');
  expect(navigations).toEqual([]);
});

test('nodes created and deleted elsewhere appear in and disappear from the tree, without collapsing it', async ({ page, zk }) => {
  const parent = `${root}/fleet`;
  await createNode(zk, parent);
  await createNode(zk, `${parent}/alpha`);
  await createNode(zk, `${parent}/alpha/inner`);
  await page.goto(browse(`${parent}/alpha`));
  await waitForLive(page);
  await expect(treeItem(page, 'inner')).toBeVisible();
  await expect(async () => {
    await zk.create(`${parent}/beta-${Date.now()}`, Buffer.alloc(0), 0);
    await expect(page.getByRole('treeitem', { name: /^beta-/ }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await createNode(zk, `${parent}/gamma`);
  await expect(treeItem(page, 'gamma')).toBeVisible();
  // The expanded branch stayed open.
  await expect(treeItem(page, 'alpha')).toHaveAttribute('aria-expanded', 'true');
  await expect(treeItem(page, 'inner')).toBeVisible();
  await zk.delete_(`${parent}/gamma`, -1);
  await expect(treeItem(page, 'gamma')).toHaveCount(0);
  await expect(treeItem(page, 'inner')).toBeVisible();
});

test('deleting the open node elsewhere shows a notice and keeps its last value', async ({ page, zk }) => {
  const path = `${root}/doomed`;
  await createNode(zk, path, 'last words');
  await page.goto(browse(path));
  await waitForLive(page);
  await expect(dataEditor(page)).toContainText('last words');
  await expect(async () => {
    await zk.set(path, Buffer.from('still here'), -1);
    await expect(dataEditor(page)).toContainText('still here', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await zk.delete_(path, -1);
  const notice = page.getByRole('alert').filter({ hasText: 'This node was deleted' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`${path} was deleted at`);
  await expect(dataEditor(page)).toContainText('still here');
  await zk.create(path, Buffer.from('reborn'), 0);
  await expect(notice).toHaveCount(0);
  await expect(dataEditor(page)).toContainText('reborn');
});

test('while editing, a change underneath shows a banner at once, with the difference', async ({ page, zk }) => {
  const path = `${root}/edited`;
  await createNode(zk, path, 'line one');
  await page.goto(browse(path));
  await waitForLive(page);
  await expect(dataEditor(page)).toContainText('line one');
  await expect(async () => {
    await zk.set(path, Buffer.from('line one.'), -1);
    await expect(dataEditor(page)).toContainText('line one.', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  await dataEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' - mine');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await zk.set(path, Buffer.from('line one - theirs'), -1);
  const banner = page.getByRole('alert').filter({ hasText: 'Changed on the server while you edit' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Someone else saved version 2');
  // The edit is kept, not replaced by their value.
  await expect(dataEditor(page)).toContainText('line one. - mine');
  await banner.getByRole('button', { name: 'Show differences' }).click();
  await expect(page.getByRole('textbox', { name: 'Their version' })).toContainText('line one - theirs');
  await expect(page.getByRole('textbox', { name: 'Your version' })).toContainText('line one. - mine');
  // Saving still refuses to overwrite.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this node' })).toBeVisible();
  expect(((await zk.get(path, false)) as [unknown, Buffer])[1].toString()).toBe('line one - theirs');
});

test('the Events page lists changes to a watched path, filters and pauses', async ({ page, zk }) => {
  const a = `${root}/events-a`;
  const b = `${root}/events-b`;
  await createNode(zk, a, '1');
  await createNode(zk, b, '1');
  await page.goto('/c/default/events');
  await waitForLive(page);
  const table = page.getByRole('table', { name: 'Live events' });
  for (const p of [a, b]) {
    await page.getByRole('textbox', { name: 'Path to watch' }).fill(p);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
  }
  await expect(async () => {
    await zk.set(a, Buffer.from(String(Date.now())), -1);
    await expect(table.getByRole('row').filter({ hasText: a })).not.toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await zk.set(b, Buffer.from('2'), -1);
  await expect(table.getByRole('row').filter({ hasText: b }).filter({ hasText: 'changed' })).toHaveCount(1);

  await page.getByRole('textbox', { name: 'Filter events by path' }).fill('events-b');
  await expect(table.getByRole('row').filter({ hasText: a })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: b })).toHaveCount(1);

  await page.getByRole('button', { name: 'Pause' }).click();
  await zk.set(b, Buffer.from('3'), -1);
  await expect(page.getByRole('button', { name: 'Resume (1 new)' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: b })).toHaveCount(1);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect(table.getByRole('row').filter({ hasText: b })).toHaveCount(2);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');
});
