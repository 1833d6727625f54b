import { connectRaw } from '../tests/helpers/raw-zk';
import { expect, test, type RawZk } from './fixtures/zk';
import { BulkActions } from './pages/bulk-actions';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, deleteTree, uniqueRoot } from './pages/test-data';
import { watchCount } from '../scripts/lib/zk-server';

const CHILDREN = 100_000;
const nameOf = (i: number) => `n-${String(i).padStart(6, '0')}`;

test.describe('a node with 100,000 children', () => {
  test.describe.configure({ timeout: 60_000 });
  const root = uniqueRoot('large');
  const big = `${root}/big`;
  let zk: RawZk | undefined;

  test.beforeAll(async ({ zkConnectString }) => {
    // About 10 s on an idle machine; a loaded one may need several times that.
    test.setTimeout(240_000);
    zk = await connectRaw(zkConnectString);
    await createAll(zk, [[root], [big], ...Array.from({ length: CHILDREN }, (_, i): [string] => [`${big}/${nameOf(i)}`])]);
  });

  test.afterAll(async () => {
    // Do not leave 100,000 nodes behind on a server someone else may be using.
    test.setTimeout(240_000);
    if (!zk) return;
    await deleteTree(zk, root);
    zk.close();
  });

  test('expands, scrolls to the end, and filters by name as you type', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(big);
    await expect(explorer.item(nameOf(0))).toBeVisible();
    await expect(explorer.item(nameOf(0))).toHaveAttribute('aria-setsize', String(CHILDREN));
    await expect(explorer.item('big')).toHaveAccessibleDescription('100000 children');
    // Virtualized: only what is on screen is in the page.
    expect(await explorer.tree.getByRole('treeitem').count()).toBeLessThan(200);

    // Scrolling far down loads just the pages that come into view.
    const first = Number(await explorer.item(nameOf(0)).getAttribute('data-index'));
    await explorer.scrollTreeToRow(first + CHILDREN - 1);
    await expect(explorer.item(nameOf(CHILDREN - 1))).toBeInViewport();
    await expect(explorer.item(nameOf(CHILDREN - 1))).toHaveAttribute('aria-posinset', String(CHILDREN));
    await explorer.scrollTreeToRow(first + 50_000);
    await expect(explorer.item(nameOf(50_000))).toBeInViewport();
    await explorer.scrollTreeToRow(first);

    const filter = explorer.filter('big');
    await filter.pressSequentially('n-0421');
    await expect(explorer.item('n-042100')).toBeVisible();
    await expect(explorer.item('n-042100')).toHaveAttribute('aria-setsize', '100');
    await expect(explorer.item(nameOf(0))).toHaveCount(0);

    await filter.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(explorer.item(nameOf(0))).toBeVisible();
  });

  test('the filter matches anywhere in names on the server, and its toggle matches the start only', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(big);
    const filter = explorer.filter('big');
    // n-04321x and n-0x4321: 20 of the 100,000, none of them starting with the text.
    await filter.pressSequentially('4321');
    await expect(explorer.item('n-043210')).toBeVisible();
    await expect(explorer.item('n-043210')).toHaveAttribute('aria-setsize', '20');
    await expect(explorer.item('n-044321')).toHaveAttribute('aria-posinset', '15');
    const toggle = page.getByRole('button', { name: 'Match the start of names only' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'No children start with “4321”' })).toBeVisible();
    await expect(explorer.item('n-043210')).toHaveCount(0);
    // Remembered in this browser.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Match the start of names only' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Match the start of names only' }).click();
  });

  test('the keyboard reaches any of the 100,000: type-ahead through the server, PageDown, and from the filter into its results', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(big);
    const first = Number(await explorer.item(nameOf(0)).getAttribute('data-index'));
    await explorer.item(nameOf(0)).focus();
    await page.keyboard.press('PageDown');
    expect(Number(await page.locator(':focus').getAttribute('aria-posinset'))).toBeGreaterThan(5);
    await expect(page.locator(':focus')).toBeInViewport();
    await page.keyboard.press('PageUp');
    await expect(explorer.item(nameOf(0))).toBeFocused();

    // Most names are not loaded: the server's prefix listing finds where the typed name is.
    await page.keyboard.type('n-0999');
    await expect(explorer.item('n-099900')).toBeFocused();
    await expect(explorer.item('n-099900')).toHaveAttribute('aria-posinset', '99901');
    await expect(explorer.item('n-099900')).toBeInViewport();

    // Back to the top of big's list (not of the tree: other specs' nodes may come before it).
    await explorer.scrollTreeToRow(first);
    const filter = explorer.filter('big');
    await filter.pressSequentially('n-0421');
    await expect(explorer.item('n-042100')).toBeVisible();
    await filter.press('ArrowDown');
    await expect(explorer.item('n-042100')).toBeFocused();
  });

  test('an export of the 100,000 shows its progress, and Cancel stops it', async ({ page }) => {
    const bulk = new BulkActions(page);
    await bulk.goto(big);
    const dialog = await bulk.choose('Export…', `Export ${big}`);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(dialog.getByRole('status')).toContainText('of more than 100,000 nodes');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Cancelled: the server stopped, and no file was saved.');
  });

  test('quick open completes a path under it segment by segment and opens it', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(root);
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Path or command' });
    await box.pressSequentially(`${root}/bi`);
    await expect(page.getByRole('option', { name: big, exact: true })).toBeVisible();
    await box.press('Tab');
    await expect(box).toHaveValue(`${big}/`);
    await box.pressSequentially('n-09876');
    // The server's prefix listing: 10 of the 100,000 names.
    await expect(page.getByRole('group', { name: `Children of ${big}` }).getByRole('option')).toHaveCount(10);
    const target = page.getByRole('option', { name: `${big}/n-098765`, exact: true });
    for (let i = 0; i < 6; i++) await box.press('ArrowDown');
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(explorer.heading).toHaveText('n-098765');
    await expect(explorer.item('n-098765')).toHaveAttribute('aria-selected', 'true');
  });

  test('scrolling through the 100,000 keeps the server watching about a screenful of rows', async ({ page, zkConnectString }) => {
    // Each stop loads a page of names and a chunk of stats: slow on a loaded machine.
    test.setTimeout(180_000);
    // Other specs share the server: the bounds leave room for their few watches.
    const port = Number(zkConnectString.split(':')[1]);
    const explorer = new ExplorerPage(page);
    await explorer.goto(big);
    await expect(page.getByRole('status', { name: /^ZooKeeper session: Connected/ })).toBeVisible();
    await expect(explorer.item(nameOf(0))).toBeVisible();
    const first = Number(await explorer.item(nameOf(0)).getAttribute('data-index'));
    const before = await watchCount(port);
    const rows = await explorer.tree.getByRole('treeitem').count();
    const stops = 12;
    for (let stop = 1; stop <= stops; stop++) {
      const i = Math.floor((stop * (CHILDREN - 1)) / stops);
      await explorer.scrollTreeToRow(first + i);
      await expect(explorer.item(nameOf(i))).toBeInViewport();
      // Row watches are set once scrolling settles.
      await page.waitForTimeout(300);
    }
    // Unreleased, the rows of 12 screens would each hold a watch; released rows leave the server
    // after the release delay and the hub's dormant period.
    await expect.poll(async () => (await watchCount(port)) - before, { timeout: 20_000, intervals: [1000] }).toBeLessThan(rows * 3);
    // The rows on screen are watched: a child under one of them shows at once.
    const shown = Math.floor((stops * (CHILDREN - 1)) / stops);
    await zk!.create(`${big}/${nameOf(shown)}/child`, Buffer.alloc(0), 0);
    await expect(explorer.item(nameOf(shown))).toHaveAccessibleDescription('1 child');
    await zk!.delete_(`${big}/${nameOf(shown)}/child`, -1);
  });

  test('a deep link into the middle of the list finds and selects the node', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.goto(`${big}/n-054321`);
    await expect(explorer.item('n-054321')).toHaveAttribute('aria-selected', 'true');
    await expect(explorer.item('n-054321')).toBeInViewport();
    await expect(explorer.item('n-054321')).toHaveAttribute('aria-posinset', '54322');
  });
});
