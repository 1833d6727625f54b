import { expect, test } from './fixtures/zk';
import { CreateNodeDialog, DeleteNodeDialog, ExplorerPage } from './pages/explorer-page';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';

test('nodes are created in every mode, with parents on request', async ({ page, zk }) => {
  test.setTimeout(90_000);
  const root = uniqueRoot('create');
  await createAll(zk, [[root]]);
  const explorer = new ExplorerPage(page);
  const dialog = new CreateNodeDialog(page);

  const cases = [
    { mode: 'Persistent', name: 'plain', data: 'hello' },
    { mode: 'Persistent sequential', name: 'seq-' },
    { mode: 'Ephemeral', name: 'session-bound' },
    { mode: 'Ephemeral sequential', name: 'lock-' },
    { mode: 'Container', name: 'box' },
    { mode: 'TTL', name: 'short-lived', ttl: { amount: '2', unit: 'hours' } },
    { mode: 'TTL sequential', name: 'cache-', ttl: { amount: '30', unit: 'minutes' } },
  ];
  await explorer.goto(root);
  for (const c of cases) {
    await explorer.item(root.slice(1)).click();
    await expect(explorer.heading).toHaveText(root.slice(1));
    await dialog.create(c);
    // The new node opens; sequential names get the server's counter.
    await expect(explorer.heading).toHaveText(c.name.endsWith('-') ? new RegExp(`^${c.name}\\d{10}$`) : c.name);
    await expect(dialog.dialog).toBeHidden();
  }

  const children = await zk.get_children(root, false);
  expect(children).toHaveLength(cases.length);
  for (const prefix of ['seq-', 'lock-', 'cache-']) expect(children.some((c) => new RegExp(`^${prefix}\\d{10}$`).test(c))).toBe(true);
  expect((await readBytes(zk, `${root}/plain`)).data.toString()).toBe('hello');
  const [ephemeral] = await zk.get(`${root}/session-bound`, false);
  expect(String(ephemeral.ephemeralOwner)).not.toBe('0');
  const [persistent] = await zk.get(`${root}/plain`, false);
  expect(String(persistent.ephemeralOwner)).toBe('0');

  // Missing parents: refused with the way out, then created on request.
  await explorer.goto(root);
  await dialog.create({ name: 'a/b/c' });
  await expect(dialog.dialog.getByRole('alert')).toContainText('Tick “Create missing parent nodes”');
  await dialog.dialog.getByRole('checkbox', { name: /Create missing parent nodes/ }).check();
  await dialog.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(explorer.heading).toHaveText('c');
  expect(await zk.pathExists(`${root}/a/b/c`, false)).toBe(true);

  // An existing name is named as the problem.
  await explorer.goto(root);
  await dialog.create({ name: 'plain' });
  await expect(dialog.dialog.getByRole('alert')).toContainText('Node already exists');
});

test('a recursive delete of a 500-node subtree says how many nodes go, and shows progress', async ({ page, zk }) => {
  const root = uniqueRoot('subtree');
  const top = `${root}/doomed`;
  // The node, 10 branches of 48 leaves, and 9 more leaves: 500 nodes.
  const nodes: Array<[string]> = [[root], [top]];
  for (let b = 0; b < 10; b++) {
    nodes.push([`${top}/branch-${b}`]);
    for (let l = 0; l < 48; l++) nodes.push([`${top}/branch-${b}/leaf-${l}`]);
  }
  for (let l = 0; l < 9; l++) nodes.push([`${top}/leaf-${l}`]);
  await createAll(zk, nodes);
  const explorer = new ExplorerPage(page);
  const dialog = new DeleteNodeDialog(page);
  await explorer.goto(root);
  await explorer.item(root.slice(1)).press('ArrowRight');

  // The Delete key on a tree row opens that node and its delete dialog.
  await explorer.item('doomed').focus();
  await page.keyboard.press('Delete');
  // The modal hides the page behind it from the accessibility tree: the dialog names the node.
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.dialog).toContainText(top);
  await expect.poll(() => new URL(page.url()).pathname).toBe(ExplorerPage.url(top));
  await expect(dialog.dialog).toContainText('Deleting it removes 500 nodes');
  // Over 100 nodes: the first level of what goes is listed, and the name must be typed.
  const preview = dialog.dialog.getByRole('list', { name: 'Nodes that will be deleted' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'branch-0' })).toContainText('+ 48 children');
  await expect(dialog.confirmButton()).toBeDisabled();
  // "Export first" saves what would go.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.dialog.getByRole('button', { name: 'Export first' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-doomed-\d{8}T\d{6}Z\.zkexport\.gz$/);
  await expect(dialog.dialog.getByRole('status').filter({ hasText: 'Saved' })).toContainText('(500 nodes)');
  await dialog.dialog.getByRole('textbox', { name: /Type doomed to delete 500 nodes/ }).fill('doome');
  await expect(dialog.confirmButton()).toBeDisabled();
  await dialog.dialog.getByRole('textbox', { name: /Type doomed to delete 500 nodes/ }).fill('doomed');
  // The bar may come and go within a frame: record every state it was drawn in.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Delete progress"]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await dialog.confirmButton().filter({ hasText: 'Delete 500 nodes' }).click();

  await expect(explorer.toast(`Deleted ${top} (500 nodes)`)).toBeVisible();
  await expect(explorer.heading).toHaveText(root.slice(1));
  expect(await zk.pathExists(top, false)).toBe(false);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  await expect(explorer.item('doomed')).toHaveCount(0);
});

test('deleting a single node is checked against the version shown', async ({ page, zk }) => {
  const root = uniqueRoot('delete');
  const path = `${root}/leaf`;
  await createAll(zk, [[root], [path, 'v0']]);
  const explorer = new ExplorerPage(page);
  const dialog = new DeleteNodeDialog(page);
  await explorer.goto(path);

  await dialog.open();
  await expect(dialog.dialog).toContainText('Deletes version 0 of this node');
  // Changed while the operator reads the confirmation.
  await zk.set(path, 'v1', 0);
  await dialog.confirmButton().click();
  await expect(dialog.dialog.getByRole('alert').filter({ hasText: 'Changed by someone else' })).toBeVisible();
  expect(await zk.pathExists(path, false)).toBe(true);

  // Closing shows the new version; deleting that one succeeds.
  await page.keyboard.press('Escape');
  await expect(explorer.editor).toContainText('v1');
  await dialog.open();
  await expect(dialog.dialog).toContainText('Deletes version 1 of this node');
  await dialog.confirmButton().click();
  await expect(explorer.heading).toHaveText(root.slice(1));
  expect(await zk.pathExists(path, false)).toBe(false);
});
