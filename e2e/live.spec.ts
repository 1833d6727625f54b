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

/** Waits until the page's live stream is up (its hello arrived and the session is connected). */
async function waitForLive(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible();
}

/**
 * Creates a node, opens it, and changes it until the page shows the change: from then on the
 * page's watch is set (it is set just after the page first shows the node). Returns the value shown.
 */
async function openLiveNode(page: Page, zk: RawZk, path: string, value: string): Promise<string> {
  await createNode(zk, path, value);
  await page.goto(browse(path));
  await waitForLive(page);
  await expect(dataEditor(page)).toContainText(value);
  let n = 0;
  let shown = '';
  await expect(async () => {
    shown = `${value} (${++n})`;
    await zk.set(path, Buffer.from(shown), -1);
    await expect(dataEditor(page)).toContainText(shown, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  return shown;
}

test.beforeAll(async ({ zk }) => {
  await createNode(zk, root);
});

test('a change made by another client appears in the open node and its stat without a reload', async ({ page, zk }) => {
  const path = `${root}/settings.json`;
  // Written on several lines: a one-line JSON value would open formatted, not as written.
  await openLiveNode(page, zk, path, '{\n  "mode": "blue"\n}');
  const navigations: string[] = [];
  page.on('framenavigated', (f) => navigations.push(f.url()));
  const { version } = (await zk.set(path, Buffer.from('{\n  "mode": "red"\n}'), -1)) as { version: number };
  await expect(dataEditor(page)).toContainText('"mode": "red"');
  const versionValue = page.getByRole('region', { name: 'Stat' }).locator('dt', { hasText: /^version$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(versionValue).toHaveText(String(version));
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
  const last = await openLiveNode(page, zk, path, 'last words');
  await zk.delete_(path, -1);
  const notice = page.getByRole('alert').filter({ hasText: 'This node was deleted' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`${path} was deleted at`);
  await expect(dataEditor(page)).toContainText(last);
  await zk.create(path, Buffer.from('reborn'), 0);
  await expect(notice).toHaveCount(0);
  await expect(dataEditor(page)).toContainText('reborn');
});

test('while editing, a change underneath shows a banner at once, with the difference', async ({ page, zk }) => {
  const path = `${root}/edited`;
  const loaded = await openLiveNode(page, zk, path, 'line one');
  await dataEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' - mine');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await zk.set(path, Buffer.from('line one - theirs'), -1);
  const banner = page.getByRole('alert').filter({ hasText: 'Changed on the server while you edit' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Someone else saved version \d+ of this node/);
  // The edit is kept, not replaced by their value.
  await expect(dataEditor(page)).toContainText(`${loaded} - mine`);
  await banner.getByRole('button', { name: 'Show differences' }).click();
  await expect(page.getByRole('textbox', { name: 'Their version' })).toContainText('line one - theirs');
  await expect(page.getByRole('textbox', { name: 'Your version' })).toContainText(`${loaded} - mine`);
  // Saving still refuses to overwrite.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
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
  const rows = (path: string) => page.getByRole('table', { name: 'Live events' }).getByRole('row').filter({ hasText: path });
  for (const p of [a, b]) {
    await page.getByRole('textbox', { name: 'Path to watch' }).fill(p);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(page.getByRole('button', { name: `Stop watching ${p}` })).toBeVisible();
  }
  // Each watch is set shortly after it is asked for: change each path until its change is listed.
  for (const p of [a, b]) {
    await expect(async () => {
      await zk.set(p, Buffer.from(String(Date.now())), -1);
      await expect(rows(p).filter({ hasText: 'changed' }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  }

  await page.getByRole('textbox', { name: 'Filter events by path' }).fill('events-b');
  await expect(rows(a)).toHaveCount(0);
  const before = await rows(b).count();
  expect(before).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Pause' }).click();
  await zk.set(b, Buffer.from('paused'), -1);
  await expect(page.getByRole('button', { name: 'Resume (1 new)' })).toBeVisible();
  await expect(rows(b)).toHaveCount(before);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect(rows(b)).toHaveCount(before + 1);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page');
});

test('the Events page watches a whole subtree as it grows, keeps its log across a reload, and opens a change as a diff', async ({ page, zk }) => {
  const top = `${root}/subtree`;
  const a = `${top}/a`;
  await createNode(zk, top);
  await createNode(zk, a, 'one');
  await page.goto('/c/default/events');
  await waitForLive(page);
  await page.getByRole('textbox', { name: 'Path to watch' }).fill(top);
  await page.getByRole('combobox', { name: 'What to watch' }).selectOption({ label: 'The whole subtree' });
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  const count = page.getByRole('status', { name: `Watched nodes under ${top}` });
  await expect(count).toHaveText('2 nodes watched');

  // A new child, then a grandchild under it: each is watched as it appears (once the watch above it is set).
  let n = 0;
  await expect(async () => {
    await createNode(zk, `${top}/b${++n}`);
    await expect(count).not.toHaveText('2 nodes watched', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const b = `${top}/b${n}`;
  let m = 0;
  await expect(async () => {
    await createNode(zk, `${b}/c${++m}`);
    await expect(count).not.toHaveText(`${2 + n} nodes watched`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Every node is watched, also one created while the watch above it was being set.
  const total = 2 + n + m;
  await expect(count).toHaveText(`${total} nodes watched`);

  // Two changes: the second one's previous value is the first one's, so it opens as a diff.
  const rows = page.getByRole('table', { name: 'Live events' }).getByRole('row').filter({ hasText: a });
  await zk.set(a, Buffer.from('two'), -1);
  await expect(rows.filter({ hasText: 'changed' })).toHaveCount(1);
  await zk.set(a, Buffer.from('three'), -1);
  await expect(rows.filter({ hasText: 'changed' })).toHaveCount(2);

  // A reload keeps the log (this tab's storage) and the watches, and says where it happened.
  await page.reload();
  await waitForLive(page);
  await expect(rows.filter({ hasText: 'changed' })).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Live events' }).getByRole('note', { name: 'Page reloaded' })).toContainText('changes made during it were not received');
  await expect(page.getByRole('status', { name: `Watched nodes under ${top}` })).toHaveText(`${total} nodes watched`);

  await page.getByRole('button', { name: `Diff of ${a} at version 2` }).click();
  const dialog = page.getByRole('dialog', { name: `Change of ${a}` });
  await expect(dialog).toContainText('Version 1 → version 2');
  await expect(dialog.getByRole('textbox', { name: 'Change from before to after' })).toContainText('three');
  await dialog.getByRole('link', { name: 'Open the node' }).click();
  await expect(page).toHaveURL(new RegExp(`/c/default/browse${a}$`));
});
