import { expect, test } from './fixtures/zk';

/** The journey of a connection added at run time: add it, test it, browse through it, remove it. */
test('an admin adds a connection, tests it, browses it and removes it', async ({ page, zkConnectString }) => {
  // Two tests of unsaved settings, one of them waiting out an unreachable server.
  test.setTimeout(90_000);
  const id = `e2e-${Date.now().toString(36)}`;
  await page.goto('/connections');
  const table = page.getByRole('table', { name: 'Connections' });
  await expect(table.getByRole('rowheader').filter({ hasText: 'default' })).toBeVisible();

  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('dialog', { name: 'Add a connection' });
  await form.getByRole('textbox', { name: 'Id' }).fill(id);
  await form.getByRole('textbox', { name: 'Name' }).fill('Apps (chroot)');
  // Tested before it is saved: what the form holds now.
  await form.getByRole('textbox', { name: 'Connect string' }).fill(`${zkConnectString.replace(/:\d+$/, ':1')}`);
  await form.getByRole('button', { name: 'Test connection' }).click();
  const draftTest = form.getByRole('region', { name: `Test of ${id}` });
  await expect(draftTest).toContainText('failed', { timeout: 20_000 });
  await form.getByRole('textbox', { name: 'Connect string' }).fill(`${zkConnectString}/apps`);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(draftTest).toContainText('reached', { timeout: 20_000 });
  await expect(draftTest).toContainText('standalone');
  // A chroot: the seeded /apps becomes this connection's root.
  await form.getByRole('textbox', { name: 'Connect string' }).fill(`${zkConnectString},${zkConnectString.replace(/:\d+$/, ':1')}/apps ,`);
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(form.getByRole('alert')).toContainText(/spaces|empty entry|Not a host/);
  await form.getByRole('textbox', { name: 'Connect string' }).fill(`${zkConnectString}/apps`);
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(form).toBeHidden();

  const row = table.getByRole('row').filter({ hasText: id });
  await expect(row.getByText('added here')).toBeVisible();
  await expect(row.getByText('Healthy')).toBeVisible();
  await page.getByRole('button', { name: `Test ${id}` }).click();
  const result = page.getByRole('region', { name: `Test of ${id}` });
  await expect(result).toContainText('reached');
  await expect(result).toContainText('ZooKeeper 3.8.0');
  await expect(result).toContainText('standalone');

  await row.getByRole('link', { name: 'Apps (chroot)' }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${id}/browse$`));
  await expect(page.getByRole('tree', { name: 'Namespace' }).getByRole('treeitem', { name: /^orders/ })).toBeVisible();

  await page.getByRole('link', { name: 'Connections', exact: true }).click();
  await page.getByRole('button', { name: `Remove ${id}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove connection ${id}?` });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: id })).toHaveCount(0);
  await page.goto(`/c/${id}/browse`);
  await expect(page.getByText(/unknown|No connection/i).first()).toBeVisible();
});
