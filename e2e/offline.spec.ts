import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { openNode } from './pages/open-node';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';

const header = (page: Page) => page.getByRole('banner');

test('losing the dashboard server is shown, keeps the page, fails a save, and recovers', async ({ page, context, zk }) => {
  test.setTimeout(60_000);
  const root = uniqueRoot('offline');
  await createAll(zk, [[root], [`${root}/a`, 'alpha'], [`${root}/b`, 'beta']]);
  const explorer = new ExplorerPage(page);
  await openNode(explorer, `${root}/a`);
  await expect(header(page).getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible();
  await expect(header(page).getByRole('status', { name: 'Dashboard unreachable — retrying' })).toHaveCount(0);

  await context.setOffline(true);
  await expect(header(page).getByRole('status', { name: 'Dashboard unreachable — retrying' })).toBeVisible({ timeout: 5_000 });
  // The ZooKeeper session is another matter: unknown, not "Connected".
  await expect(header(page).getByRole('status', { name: 'ZooKeeper session: Unknown' })).toBeVisible();

  // A click in the tree stays in the app (no browser error page) and moves to the node.
  await explorer.item('b').click();
  await expect(page).toHaveURL(new RegExp(`${root}/b$`));
  await expect(explorer.tree).toBeVisible();
  await expect(header(page).getByRole('status', { name: 'Dashboard unreachable — retrying' })).toBeVisible();
  // And back to the node already read, whose value is still at hand: a save fails at once, clearly.
  await explorer.item('a').click();
  await expect(explorer.heading).toHaveText('a');
  await explorer.replaceValue('offline edit');
  await explorer.saveButton.click();
  await expect(explorer.alert('Dashboard unreachable')).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('button', { name: /Saving/ })).toHaveCount(0);

  await context.setOffline(false);
  await expect(header(page).getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible({ timeout: 15_000 });
  await expect(header(page).getByRole('status', { name: 'Dashboard unreachable — retrying' })).toHaveCount(0);
  // The failed save was not replayed behind the operator's back.
  await page.waitForTimeout(1_000);
  expect((await readBytes(zk, `${root}/a`)).data.toString()).toBe('alpha');
  // The edit is still there to save now.
  await explorer.saveButton.click();
  await expect(explorer.toast(`Saved ${root}/a`)).toBeVisible();
  expect((await readBytes(zk, `${root}/a`)).data.toString()).toBe('offline edit');
});
