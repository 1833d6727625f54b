import type { Page } from '@playwright/test';
import { KazooRecipe } from '../tests/support/kazoo/driver';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

/**
 * Every row on screen stays true (issue 16): counts and expanders of collapsed rows follow
 * changes made by another client, and recipes written by another client library (kazoo) read as
 * what they are in the node panel's lens, live.
 */

const root = uniqueRoot('live-rows');

async function waitForLive(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible();
}

test.beforeAll(async ({ zk }) => {
  await createAll(zk, [[root]]);
});

test('a row gaining its first children grows an expander and a count; counts of collapsed rows follow creates and deletes', async ({ page, zk }) => {
  const fleet = `${root}/fleet`;
  await createAll(zk, [[fleet], [`${fleet}/alpha`], [`${fleet}/bravo`], [`${fleet}/charlie`], ...Array.from({ length: 6 }, (_, i): [string] => [`${fleet}/charlie/c${i}`])]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(fleet);
  await waitForLive(page);
  const bravo = explorer.item('bravo');
  const charlie = explorer.item('charlie');
  await expect(bravo).not.toHaveAttribute('aria-expanded');
  await expect(charlie).toHaveAccessibleDescription('6 children');

  // Three members join under a leaf on screen: it grows an expander and a count without a reload.
  for (const m of ['m1', 'm2', 'm3']) await zk.create(`${fleet}/bravo/${m}`, Buffer.alloc(0), 0);
  await expect(bravo).toHaveAttribute('aria-expanded', 'false');
  await expect(bravo).toHaveAccessibleDescription('3 children');

  await zk.create(`${fleet}/charlie/c6`, Buffer.alloc(0), 0);
  await expect(charlie).toHaveAccessibleDescription('7 children');
  await zk.delete_(`${fleet}/charlie/c0`, -1);
  await zk.delete_(`${fleet}/charlie/c1`, -1);
  await expect(charlie).toHaveAccessibleDescription('5 children');

  // The panel of the open node follows its own list too.
  await expect(explorer.stat('numChildren')).toHaveText('3');
  await zk.create(`${fleet}/delta`, Buffer.alloc(0), 0);
  await expect(explorer.stat('numChildren')).toHaveText('4');

  // A name that sorts before the focused row appears above it; the focus stays on its node.
  await charlie.focus();
  const scroller = explorer.tree.locator('xpath=ancestor::div[contains(@class,"overflow-auto")][1]');
  const scrollTop = await scroller.evaluate((e) => e.scrollTop);
  await zk.create(`${fleet}/aardvark`, Buffer.alloc(0), 0);
  await expect(explorer.item('aardvark')).toBeVisible();
  await expect(charlie).toBeFocused();
  await expect(charlie).toHaveAttribute('tabindex', '0');
  expect(await scroller.evaluate((e) => e.scrollTop)).toBe(scrollTop);
  // A row deleted elsewhere leaves.
  await zk.delete_(`${fleet}/alpha`, -1);
  await expect(explorer.item('alpha')).toHaveCount(0);
});

test('names added and removed above the view leave the rows in view where they were', async ({ page, zk }) => {
  const list = `${root}/long`;
  // Odd numbers only: room for a name that sorts before any of them.
  const name = (i: number) => `r-${String(i).padStart(3, '0')}`;
  await createAll(zk, [[list], ...Array.from({ length: 120 }, (_, i): [string] => [`${list}/${name(2 * i + 1)}`])]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(list);
  await waitForLive(page);
  // The 91st of the list, in the middle of the view; its first rows are far above it.
  const reading = explorer.item(name(181));
  await explorer.scrollTreeToRow(Number(await explorer.item(name(1)).getAttribute('data-index')) + 90);
  await expect(reading).toBeInViewport();
  const top = async () => (await reading.boundingBox())!.y;
  const before = await top();

  await zk.create(`${list}/${name(0)}`, Buffer.alloc(0), 0);
  await expect(reading).toHaveAttribute('aria-posinset', '92');
  expect(await top()).toBe(before);
  for (const gone of [0, 1, 3]) await zk.delete_(`${list}/${name(gone)}`, -1);
  await expect(reading).toHaveAttribute('aria-posinset', '89');
  expect(await top()).toBe(before);
});

test('a row cut off at the top of the view opens in place: its children show below it', async ({ page, zk }) => {
  const list = `${root}/cut`;
  const name = (i: number) => `s-${String(i).padStart(2, '0')}`;
  await createAll(zk, [[list], ...Array.from({ length: 60 }, (_, i): [string] => [`${list}/${name(i)}`]), ...['x', 'y', 'z'].map((c): [string] => [`${list}/${name(30)}/${c}`])]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(list);
  await waitForLive(page);
  const row = explorer.item(name(30));
  await explorer.scrollTreeToRow(Number(await explorer.item(name(0)).getAttribute('data-index')) + 30);
  // As a scroll wheel leaves it: the row's top 10 px above the view.
  await row.evaluate((r) => {
    let scroller = r.parentElement;
    while (scroller && getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement;
    scroller!.scrollTop += r.getBoundingClientRect().top - scroller!.getBoundingClientRect().top + 10;
  });
  // A click on the visible part of its chevron (a click on the row would open the node).
  const chevron = (await row.locator('span[aria-hidden]').first().boundingBox())!;
  await page.mouse.click(chevron.x + chevron.width / 2, chevron.y + chevron.height - 3);
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  for (const child of ['x', 'y', 'z']) await expect(explorer.item(child)).toBeInViewport();
  await expect(row).toBeInViewport();
});

test('a kazoo Lock contended by three clients shows its holder and waiters, and ends free', async ({ page, zkConnectString }) => {
  const path = `${root}/lock`;
  const lock = new KazooRecipe(zkConnectString, 'lock', path, 3);
  try {
    await lock.waitFor('acquired');
    const explorer = new ExplorerPage(page);
    await explorer.goto(path);
    await waitForLive(page);
    const lens = page.getByRole('region', { name: 'Lock (kazoo)' });
    await expect(lens.getByRole('definition').first()).toContainText(lock.ids('acquired')[0]);
    await expect(lens.getByRole('list', { name: 'Waiting in order' }).getByRole('listitem')).toHaveCount(2);
    for (let turn = 1; turn < 3; turn++) {
      lock.send('next');
      await lock.waitFor('acquired', turn + 1);
      await expect(lens.getByRole('definition').first()).toContainText(lock.ids('acquired')[turn]);
    }
    await expect(lens.getByRole('list', { name: 'Waiting in order' })).toHaveCount(0);
    lock.send('next');
    await lock.waitFor('released', 3);
    await expect(lens).toContainText('Free: nobody holds it.');
  } finally {
    await lock.close();
  }
});

test('a kazoo Party shows its final members after joins and leaves', async ({ page, zkConnectString }) => {
  const path = `${root}/party`;
  const party = new KazooRecipe(zkConnectString, 'party', path, 4);
  try {
    await party.waitFor('ready');
    const explorer = new ExplorerPage(page);
    await explorer.goto(path);
    await waitForLive(page);
    const lens = page.getByRole('region', { name: 'Party (kazoo)' });
    const members = lens.getByRole('list', { name: 'Members' }).getByRole('listitem');
    await expect(members).toHaveCount(4);
    party.send('leave 1');
    party.send('leave 3');
    party.send('join 3');
    party.send('leave 0');
    await party.waitFor('left', 3);
    await expect(members).toHaveCount(2);
    await expect(members.filter({ hasText: 'client-2' })).toHaveCount(1);
    await expect(members.filter({ hasText: 'client-3' })).toHaveCount(1);
    // Two members were also what the page showed between "leave 3" and "join 3": client-0 has left too.
    await expect(members.filter({ hasText: 'client-0' })).toHaveCount(0);
    await expect(lens.getByRole('list', { name: 'Joins and leaves' })).toContainText('left');
  } finally {
    await party.close();
  }
});
