import { ZK, expect, test } from './fixtures/zk';
import { CreateNodeDialog, ExplorerPage } from './pages/explorer-page';
import { openNode } from './pages/open-node';
import { aclOf, createAll, uniqueRoot } from './pages/test-data';

// A loaded machine renders the first page slowly.
test.describe.configure({ timeout: 60_000 });

test('an ACL saved from a node is offered by the create dialog and given to the new node', async ({ page, zk }) => {
  const root = uniqueRoot('saved-acl');
  await createAll(zk, [[root], [`${root}/template`]]);
  const template = [
    { scheme: 'world', auth: 'anyone', perms: ZK.ZOO_PERM_READ | ZK.ZOO_PERM_CREATE },
    { scheme: 'ip', auth: '10.1.2.3', perms: ZK.ZOO_PERM_ALL },
  ];
  await zk.set_acl(`${root}/template`, 0, template as never);
  const explorer = new ExplorerPage(page);
  const create = new CreateNodeDialog(page);
  await openNode(explorer, `${root}/template`);

  const acl = page.getByRole('region', { name: 'ACL' });
  await expect(acl.getByText('10.1.2.3')).toBeVisible();
  await acl.getByRole('button', { name: 'Save ACL as…' }).click();
  const save = page.getByRole('dialog', { name: 'Save this ACL' });
  await save.getByRole('textbox', { name: 'Name' }).fill('ops readers');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(save).toHaveCount(0);

  await openNode(explorer, root);
  await create.open();
  const choice = create.dialog.getByRole('radio', { name: 'Saved: ops readers' });
  await expect(choice).toHaveAccessibleDescription('world:anyone:cr, ip:10.1.2.3:cdrwa');
  await create.dialog.getByRole('textbox', { name: 'Name or path' }).fill('from-saved');
  await choice.check();
  await create.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(explorer.heading).toHaveText('from-saved');
  expect(await aclOf(zk, `${root}/from-saved`)).toEqual(await aclOf(zk, `${root}/template`));

  // Kept in this browser for the connection: a reload still offers it.
  await page.reload();
  await create.open();
  await expect(create.dialog.getByRole('radio', { name: 'Saved: ops readers' })).toBeVisible();
});
