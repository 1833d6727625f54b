import { connectRaw } from '../tests/helpers/raw-zk';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

test.describe('find', () => {
  test.describe.configure({ timeout: 60_000 });
  const root = uniqueRoot('find');

  test.beforeAll(async ({ zkConnectString }) => {
    const zk = await connectRaw(zkConnectString);
    await createAll(zk, [
      [root],
      [`${root}/config`],
      [`${root}/config/orders-service`, '{"broker":"kafka-1.example:9092","topic":"orders"}'],
      [`${root}/config/payments`, 'line one\nthe ORDERS topic\nlast line'],
      [`${root}/config/doomed`, 'soon gone'],
    ]);
    zk.close();
  });

  test('searches from the panel, opens a result with the match highlighted, and keeps the search in the URL', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(root);
    await expect(page.getByRole('button', { name: 'Search in this subtree' })).toBeVisible();
    await page.keyboard.press('Control+Shift+F');
    const panel = page.getByRole('complementary', { name: 'Search' });
    await expect(panel.getByRole('textbox', { name: 'Search under' })).toHaveValue(root);
    await panel.getByRole('textbox', { name: 'Search values' }).fill('orders');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();

    const results = panel.getByRole('list', { name: 'Search results' });
    const hit = results.getByRole('link', { name: `${root}/config/payments, line 2: the ORDERS topic` });
    await expect(hit).toBeVisible();
    await expect(results.getByRole('link', { name: new RegExp(`^${root}/config/orders-service, line 1`) })).toBeVisible();
    await expect(panel.getByRole('status')).toHaveText(/^2 matches in 5 nodes/);
    await expect(page).toHaveURL(/[?&]data=orders(&|$)/);

    await hit.click();
    await expect(explorer.heading).toHaveText('payments');
    await expect(explorer.item('payments')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('search-match') ?? [])].map((r) => r.toString()))).toEqual(['ORDERS']);

    // The URL holds the search: a reload shows it again, results and all.
    await page.reload();
    await expect(panel.getByRole('textbox', { name: 'Search values' })).toHaveValue('orders');
    await expect(hit).toBeVisible();
    await panel.getByRole('button', { name: 'Close search' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/search=/);
  });

  test('bookmarks a node, lists it in the sidebar and the palette, and marks it missing once deleted', async ({ page, zk }) => {
    const explorer = new ExplorerPage(page);
    const path = `${root}/config/doomed`;
    await explorer.goto(path);
    const star = page.getByRole('button', { name: 'Bookmark' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    const bookmarks = page.getByRole('navigation', { name: 'Bookmarks' });
    await expect(bookmarks.getByRole('link', { name: path })).toBeVisible();
    await explorer.goto(`${root}/config`);
    await expect(page.getByRole('navigation', { name: 'Recent' }).getByRole('link', { name: path })).toBeVisible();

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('group', { name: 'Bookmarks' }).getByRole('option', { name: path })).toBeVisible();
    await page.keyboard.press('Escape');

    await zk.delete_(path, -1);
    await page.reload();
    await expect(bookmarks.getByRole('link', { name: new RegExp(`^${path}`) })).toContainText('missing');
    await bookmarks.getByRole('link', { name: new RegExp(`^${path}`) }).click();
    await expect(explorer.alert(/No node exists/)).toBeVisible();
  });
});
