import { expect, test } from './fixtures/zk';

test('the app starts and its page is titled Zooscope', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Zooscope/);
});

test('the seeded demo namespace is in the ZooKeeper the app uses', async ({ zk }) => {
  expect(await zk.pathExists('/apps/orders/config.json', false)).toBe(true);
});
