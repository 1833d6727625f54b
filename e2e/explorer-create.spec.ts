import { startStandalone } from '../scripts/lib/zk-server';
import { ZK, expect, test } from './fixtures/zk';
import { CreateNodeDialog, ExplorerPage } from './pages/explorer-page';
import { aclOf, createAll, uniqueRoot } from './pages/test-data';

test('the create dialog sets the ACL chosen in it, and keeps its buttons in view with an error', async ({ page, zk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const root = uniqueRoot('create-acl');
  await createAll(zk, [[root], [`${root}/taken`]]);
  await zk.set_acl(root, 0, [
    { scheme: 'world', auth: 'anyone', perms: ZK.ZOO_PERM_ALL },
    { scheme: 'ip', auth: '127.0.0.1', perms: ZK.ZOO_PERM_READ },
  ] as never);
  const explorer = new ExplorerPage(page);
  const create = new CreateNodeDialog(page);
  await explorer.goto(root);

  await create.open();
  // Without a credential "only my credentials" cannot work: ZooKeeper would refuse the auth ACL.
  await expect(create.dialog.getByRole('radio', { name: 'Only my credentials' })).toBeDisabled();
  await expect(create.dialog.getByRole('radio', { name: 'Only my credentials' })).toHaveAccessibleDescription(/Add a credential first/);
  await create.dialog.getByRole('textbox', { name: 'Name or path' }).fill('frozen');
  await create.dialog.getByRole('radio', { name: 'Read-only' }).check();
  await create.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(explorer.heading).toHaveText('frozen');
  expect(await aclOf(zk, `${root}/frozen`)).toEqual([{ scheme: 'world', id: 'anyone', perms: ZK.ZOO_PERM_READ }]);

  await explorer.goto(root);
  await create.open();
  await create.dialog.getByRole('textbox', { name: 'Name or path' }).fill('like-parent');
  await create.dialog.getByRole('radio', { name: `Same as ${root}` }).check();
  await expect(create.dialog.getByRole('radio', { name: `Same as ${root}` })).toHaveAccessibleDescription(/ip:127\.0\.0\.1:r/);
  await create.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(explorer.heading).toHaveText('like-parent');
  expect(await aclOf(zk, `${root}/like-parent`)).toEqual(await aclOf(zk, root));

  // An error at the bottom of a long form leaves Create and Cancel on screen.
  await explorer.goto(root);
  await create.open();
  await create.dialog.getByRole('textbox', { name: 'Name or path' }).fill('taken');
  await create.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(create.dialog.getByRole('alert')).toContainText('already exists');
  await expect(create.dialog.getByRole('alert')).toBeInViewport();
  await expect(create.dialog.getByRole('button', { name: 'Create', exact: true })).toBeInViewport();
  await expect(create.dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
});

test('TTL modes are disabled, with the reason, on a server that has TTL nodes off', async ({ page, request }) => {
  const server = await startStandalone({ ttl: false });
  const id = `nottl-${Date.now().toString(36)}`;
  try {
    const added = await request.post('/api/v1/connections', { data: { id, name: 'No TTL', connectString: server.connectString } });
    expect(added.status()).toBe(201);
    await page.goto(`/c/${id}/browse`);
    const create = new CreateNodeDialog(page);
    await create.open();
    for (const mode of ['TTL', 'TTL sequential']) {
      const radio = create.dialog.getByRole('radio', { name: mode, exact: true });
      await expect(radio).toBeDisabled();
      await expect(radio).toHaveAccessibleDescription(/TTL nodes are disabled on this server/);
    }
    await expect(create.dialog.getByRole('radio', { name: 'Container', exact: true })).toBeEnabled();
  } finally {
    const list = await request.get('/api/v1/connections');
    const version = ((await list.json()) as { connections: Array<{ id: string; version: number | null }> }).connections.find((c) => c.id === id)?.version;
    if (typeof version === 'number') await request.delete(`/api/v1/connections/${id}?version=${version}`);
    await server.stop();
  }
});
