/**
 * ZooKeeper access in the browser (local mode, the app the e2e run starts): adding the demo
 * digest credentials to read /secure, editing an ACL with its version check, and applying an
 * ACL to a subtree.
 */
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { aclOf, createAll, uniqueRoot } from './pages/test-data';

const DEMO_USER = 'operator';
const DEMO_PASSWORD = 'zooscope-demo';

const digest = (user: string, password: string) => `${user}:${createHash('sha1').update(`${user}:${password}`).digest('base64')}`;

test('the demo /secure node is unreadable until the digest credentials are added, then readable', async ({ page, context }) => {
  await page.goto(ExplorerPage.url('/secure'));
  const notice = page.getByRole('alert').filter({ hasText: 'Not allowed for your identity' });
  await expect(notice).toContainText("This node's ACL does not allow reading this node");
  await expect(notice).toContainText('Its ACL is hidden from you too');
  // Not a dead end: `exists` still gives the stat, and the node can be deleted (the parent allows it).
  const explorer = new ExplorerPage(page);
  await expect(explorer.heading).toHaveText('secure');
  await expect(explorer.stat('numChildren')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();

  await notice.getByRole('button', { name: 'Add credentials' }).click();
  const dialog = page.getByRole('dialog', { name: 'ZooKeeper identities' });
  await expect(dialog).toContainText('None: requests on this connection are anonymous');
  // A wrong password is accepted by ZooKeeper as just another identity: the dialog says it does not help.
  await dialog.getByRole('textbox', { name: 'User' }).fill(DEMO_USER);
  await dialog.getByLabel('Password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Add credentials' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the credentials of operator do not grant reading /secure');
  await dialog.getByRole('button', { name: 'Drop digest:operator' }).click();
  await expect(dialog).toContainText('None: requests on this connection are anonymous');
  await dialog.getByRole('textbox', { name: 'User' }).fill(DEMO_USER);
  await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Add credentials' }).click();

  // The node is readable now: the notice (and the dialog it opened) give way to the value.
  await expect(explorer.editor).toContainText('Only the demo operator can read this.');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'ACL entries of /secure' })).toContainText(digest(DEMO_USER, DEMO_PASSWORD));
  await expect(page.getByRole('button', { name: 'ZooKeeper identities: 1 active' })).toBeVisible();
  await explorer.goto('/secure/db-password');
  await expect(explorer.editor).toContainText('correct-horse-battery-staple');

  // Held on the server only: nothing in the browser's storage, and the cookie is HttpOnly.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain(DEMO_PASSWORD);
  expect(stored).not.toContain('zooscope_session');
  const cookie = (await context.cookies()).find((c) => c.name === 'zooscope_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookie!.value).not.toContain(DEMO_PASSWORD);

  // Another browser is not affected.
  const other = await context.browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(ExplorerPage.url('/secure/db-password'));
  await expect(otherPage.getByRole('alert').filter({ hasText: 'Not allowed for your identity' })).toBeVisible();
  await other.close();

  // The header lists the identity, without its password; dropping it makes the node unreadable again.
  await page.getByRole('button', { name: 'ZooKeeper identities: 1 active' }).click();
  const identities = page.getByRole('dialog', { name: 'ZooKeeper identities' });
  await expect(identities.getByRole('listitem')).toHaveText([/^digest:operator\s*added /]);
  await identities.getByRole('button', { name: 'Drop digest:operator' }).click();
  await expect(identities).toContainText('None: requests on this connection are anonymous');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: 'Not allowed for your identity' })).toBeVisible();
});

test('an ACL edit is validated, saved with its version, and a concurrent change is shown', async ({ page, zk }) => {
  const root = uniqueRoot('acl');
  const path = `${root}/service`;
  await createAll(zk, [[root], [path, 'value']]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);
  await expect(page.getByRole('list', { name: `ACL entries of ${path}` })).toContainText('world:anyone');

  await page.getByRole('button', { name: 'Edit ACL' }).click();
  const dialog = page.getByRole('dialog', { name: `ACL of ${path}` });
  await dialog.getByRole('checkbox', { name: 'write for world:anyone' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'delete for world:anyone' }).uncheck();

  // An ip range with a bad prefix is refused as typed.
  await dialog.getByRole('combobox', { name: 'Scheme' }).selectOption('ip');
  const id = dialog.getByRole('textbox', { name: /^Id/ });
  await id.fill('10.0.0.0/33');
  await expect(dialog.getByRole('alert').filter({ hasText: 'must be a whole number from 0 to 32' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add entry' })).toBeDisabled();
  await id.fill('10.0.0.0/8');
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await dialog.getByRole('checkbox', { name: 'write for ip:10.0.0.0/8' }).check();

  // A digest entry from user and password (computed in the browser).
  await dialog.getByRole('combobox', { name: 'Scheme' }).selectOption('digest');
  await dialog.getByRole('textbox', { name: 'Digest user' }).fill('alice');
  await dialog.getByLabel('Digest password').fill('wonderland');
  await expect(dialog.getByRole('status', { name: 'Digest id' })).toHaveText(digest('alice', 'wonderland'));
  await dialog.getByRole('button', { name: 'Add entry' }).click();

  await dialog.getByRole('button', { name: 'Save ACL' }).click();
  await expect(page.getByText(`Saved the ACL of ${path}`)).toBeVisible();
  // A successful save closes the dialog; the panel behind shows the saved ACL.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: `ACL entries of ${path}` })).toContainText('ip:10.0.0.0/8');
  expect(await aclOf(zk, path)).toEqual([
    { scheme: 'world', id: 'anyone', perms: 1 | 4 | 16 },
    { scheme: 'ip', id: '10.0.0.0/8', perms: 1 | 2 },
    { scheme: 'digest', id: digest('alice', 'wonderland'), perms: 1 },
  ]);

  // Someone else changes the ACL while we edit: the save is refused, nothing is overwritten.
  await page.getByRole('button', { name: 'Edit ACL' }).click();
  await expect(dialog.getByText('Editing ACL version 1')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove ip:10.0.0.0/8' }).click();
  await zk.set_acl(path, 1, [{ scheme: 'world', auth: 'anyone', perms: 31 }] as never);
  await dialog.getByRole('button', { name: 'Save ACL' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Someone else changed this ACL' })).toContainText('you edited ACL version 1, and it is now at version 2');
  await expect(dialog.getByRole('list', { name: 'Their ACL' })).toContainText('world:anyone');
  expect(await aclOf(zk, path)).toEqual([{ scheme: 'world', id: 'anyone', perms: 31 }]);
  await dialog.getByRole('button', { name: 'Reload their ACL' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'write for world:anyone' })).toBeChecked();
  await expect(dialog.getByText('Editing ACL version 2')).toBeVisible();
});

test('"Apply to subtree" previews the node count and sets the ACL on every node', async ({ page, zk }) => {
  const root = uniqueRoot('acl-tree');
  await createAll(zk, [[root], [`${root}/a`], [`${root}/a/x`], [`${root}/b`]]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(root);
  await page.getByRole('button', { name: 'Edit ACL' }).click();
  const dialog = page.getByRole('dialog', { name: `ACL of ${root}` });
  await dialog.getByRole('checkbox', { name: 'admin for world:anyone' }).uncheck();
  await dialog.getByRole('combobox', { name: 'Scheme' }).selectOption('ip');
  await dialog.getByRole('textbox', { name: /^Id/ }).fill('127.0.0.1');
  await dialog.getByRole('checkbox', { name: 'admin', exact: true }).check();
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await dialog.getByRole('checkbox', { name: /Apply to subtree/ }).check();
  await expect(dialog.getByText('Sets this ACL on 4 nodes')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save to subtree' }).click();
  await expect(page.getByText(`Saved the ACL of ${root}`)).toBeVisible();
  await expect(page.getByText('Applied to all 4 nodes of the subtree')).toBeVisible();
  await expect(dialog).toBeHidden();
  for (const p of [root, `${root}/a`, `${root}/a/x`, `${root}/b`]) {
    expect(await aclOf(zk, p)).toEqual([
      { scheme: 'world', id: 'anyone', perms: 15 },
      { scheme: 'ip', id: '127.0.0.1', perms: 1 | 16 },
    ]);
  }
});
