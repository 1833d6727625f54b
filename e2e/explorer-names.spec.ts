import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

test('only a 10-digit counter marks a sequential name, and a long name keeps its end visible', async ({ page, zk }) => {
  const root = uniqueRoot('names-seq');
  const long = 'orders-service-instance-in-the-eu-west-availability-zone-0000000042';
  await createAll(zk, [[root], [`${root}/lock-0000000007`], [`${root}/snapshot-1733050000000`], [`${root}/${long}`]]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(root);
  await explorer.item(root.split('/').pop()!).press('ArrowRight');

  await expect(explorer.item('lock-0000000007')).toHaveAccessibleDescription(/sequential/);
  await expect(explorer.item('lock-0000000007').getByText('seq', { exact: true })).toBeVisible();
  await expect(explorer.item('snapshot-1733050000000').getByText('seq', { exact: true })).toHaveCount(0);

  // The counter at the end of a name too long for the tree stays on screen (cut in the middle).
  const row = explorer.item(long);
  await expect(row).toHaveAccessibleDescription(/sequential/);
  const tail = row.getByText('e-0000000042', { exact: true });
  await expect(tail).toBeVisible();
  const [tailBox, treeBox] = await Promise.all([tail.boundingBox(), page.getByRole('tree').boundingBox()]);
  expect(tailBox!.x + tailBox!.width).toBeLessThanOrEqual(treeBox!.x + treeBox!.width);
  await expect(row).toHaveAttribute('aria-label', long);

  // Keyboard focus shows the whole name.
  const whole = row.getByText(long, { exact: true });
  await expect(whole).toBeHidden();
  await row.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await expect(whole).toBeVisible();
});
