import { ZK, expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

test('a deep link opens the node, selected in the tree, and back/forward move between nodes', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto('/apps/orders/config.json');

  await expect(explorer.item('config.json')).toHaveAttribute('aria-selected', 'true');
  await expect(explorer.item('orders')).toHaveAttribute('aria-expanded', 'true');
  await expect(explorer.editor).toContainText('"service": "orders"');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'orders' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'mzxid' })).toBeVisible();

  await explorer.item('payments').click();
  await expect(explorer.heading).toHaveText('payments');
  await expect(page).toHaveURL(/\/c\/default\/browse\/apps\/payments$/);

  await page.goBack();
  await expect(explorer.heading).toHaveText('config.json');
  await expect(page).toHaveURL(/\/browse\/apps\/orders\/config\.json$/);
  await page.goForward();
  await expect(explorer.heading).toHaveText('payments');
  await expect(explorer.item('payments')).toHaveAttribute('aria-selected', 'true');
});

test('a name with URL-special characters gets its own URL and round-trips', async ({ page, zk }) => {
  const root = uniqueRoot('names');
  const name = 'a b%2F?c#d&é';
  await createAll(zk, [[root], [`${root}/${name}`, 'special']]);
  const explorer = new ExplorerPage(page);

  await explorer.goto(`${root}/${name}`);
  expect(new URL(page.url()).pathname).toContain(encodeURIComponent(name));
  await expect(explorer.editor).toContainText('special');
  await expect(explorer.item(name)).toHaveAttribute('aria-selected', 'true');
});

test('the tree expands and collapses by keyboard, with Home/End and type-ahead', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto('/');
  const apps = explorer.item('apps');
  await expect(apps).toHaveAttribute('aria-expanded', 'false');
  await expect(apps).toHaveAttribute('aria-level', '2');

  await apps.focus();
  await page.keyboard.press('ArrowRight');
  await expect(apps).toHaveAttribute('aria-expanded', 'true');
  await expect(explorer.item('orders')).toBeVisible();
  await expect(explorer.item('orders')).toHaveAttribute('aria-level', '3');

  // Right again goes to the first child; Left from a leaf goes back to the parent.
  await page.keyboard.press('ArrowRight');
  await expect(explorer.item('binary')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(apps).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(apps).toHaveAttribute('aria-expanded', 'false');
  await expect(explorer.item('orders')).toHaveCount(0);

  await page.keyboard.press('ArrowDown');
  await expect(apps).not.toBeFocused();
  await page.keyboard.press('Home');
  await expect(explorer.item('/')).toBeFocused();
  await page.keyboard.press('End');
  await expect(explorer.item('zookeeper')).toBeFocused();

  await page.keyboard.press('Home');
  await page.keyboard.type('zo');
  await expect(explorer.item('zookeeper')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(explorer.heading).toHaveText('zookeeper');
});

test('the path bar jumps to a path and names what is wrong with a bad one', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto('/apps');

  // What has one reading is normalised (a missing leading slash, a trailing one) ...
  await explorer.goToPath('apps/orders/');
  await expect(explorer.heading).toHaveText('orders');
  await expect(explorer.pathInput).toHaveValue('/apps/orders');
  await explorer.goToPath('/apps');
  await expect(explorer.heading).toHaveText('apps');
  // ... what has none is named.
  await explorer.goToPath('/apps/../orders');
  await expect(explorer.alert('Invalid path: Path must not contain a relative segment (..)')).toBeVisible();
  await expect(explorer.heading).toHaveText('apps');

  // Segments complete as you type: the list comes from the server, Tab completes, Enter goes.
  await explorer.pathInput.fill('/apps/pay');
  const completions = page.getByRole('listbox', { name: 'Path completions' });
  await expect(completions.getByRole('option')).toHaveText(['/apps/payments']);
  await explorer.pathInput.press('Tab');
  await expect(explorer.pathInput).toHaveValue('/apps/payments/');
  await expect(completions.getByRole('option', { name: '/apps/payments/config.yaml' })).toBeVisible();
  await explorer.pathInput.press('ArrowDown');
  await expect(completions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await explorer.pathInput.press('Escape');
  await expect(completions).toBeHidden();
  await explorer.pathInput.press('Escape');
  await expect(explorer.pathInput).toHaveValue('/apps');

  await explorer.goToPath('/apps/no-such-node');
  await expect(explorer.alert('No node exists at /apps/no-such-node')).toBeVisible();
  await expect(explorer.heading).toHaveText('apps');

  await explorer.goToPath('/apps/payments/config.yaml');
  await expect(explorer.heading).toHaveText('config.yaml');
  await expect(explorer.item('config.yaml')).toHaveAttribute('aria-selected', 'true');

  // A deep link to a missing node says so, and offers the way back up.
  await page.goto(ExplorerPage.url('/apps/gone/deeper/still'));
  await expect(explorer.alert('No node exists at /apps/gone/deeper/still')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the nearest existing node (/apps)' }).click();
  await expect(explorer.heading).toHaveText('apps');
});

test('ephemeral and sequential nodes are marked, and child counts are shown', async ({ page, zk }) => {
  const root = uniqueRoot('marks');
  await createAll(zk, [[root], [`${root}/parent`], [`${root}/parent/a`], [`${root}/parent/b`]]);
  await zk.create(`${root}/session-owned`, 'mine', ZK.ZOO_EPHEMERAL);
  const seq = await zk.create(`${root}/job-`, '', ZK.ZOO_PERSISTENT_SEQUENTIAL);
  const explorer = new ExplorerPage(page);

  await explorer.goto(root);
  await expect(explorer.item('session-owned')).toHaveAccessibleDescription(/ephemeral/);
  await expect(explorer.item(seq.slice(root.length + 1))).toHaveAccessibleDescription(/sequential/);
  await expect(explorer.item('parent')).toHaveAccessibleDescription('2 children');
  await expect(explorer.item('parent')).toHaveAttribute('aria-setsize', '3');
});

test('"?" lists the keyboard shortcuts, "/" jumps to the path bar, and the theme can be switched', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto('/apps');
  await explorer.item('apps').focus();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Expand, or go to the first child');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await explorer.heading.click();
  await page.keyboard.press('/');
  await expect(explorer.pathInput).toBeFocused();

  await page.getByRole('button', { name: 'Theme' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Theme' }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
});
