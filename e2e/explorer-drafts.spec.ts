import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';

test('an unsaved edit is never lost: asked before leaving, kept as a draft, shown against a newer value', async ({ page, zk }) => {
  const root = uniqueRoot('drafts');
  const path = `${root}/a.json`;
  await createAll(zk, [[root], [path, '{"v": 1}'], [`${root}/b`, 'other']]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);
  await explorer.replaceValue('{"v": 2}');
  await expect(explorer.unsaved).toBeVisible();

  // In-app navigation asks; staying keeps the edit.
  page.once('dialog', (d) => void d.dismiss());
  await explorer.item('b').click();
  await expect(explorer.heading).toHaveText('a.json');
  await expect(explorer.editor).toContainText('"v": 2');

  // Reload asks too (beforeunload); leaving keeps the edit as a draft, offered on return.
  page.once('dialog', (d) => {
    expect(d.type()).toBe('beforeunload');
    void d.accept();
  });
  await page.reload();
  await expect(explorer.heading).toHaveText('a.json');
  const offer = explorer.alert('Restore your unsaved edit?');
  await expect(offer).toContainText('on version 0');
  await offer.getByRole('button', { name: 'Restore my edit' }).click();
  await expect(explorer.editor).toContainText('"v": 2');
  await expect(explorer.unsaved).toBeVisible();

  // Leave for another node, the node changes meanwhile: the draft comes back against the new value.
  page.once('dialog', (d) => void d.accept());
  await explorer.item('b').click();
  await expect(explorer.heading).toHaveText('b');
  await zk.set(path, '{"v": "theirs"}', 0);
  await explorer.item('a.json').click();
  await expect(offer).toContainText('The node has changed since (now version 1)');
  await offer.getByRole('button', { name: 'Restore my edit' }).click();
  await expect(explorer.alert('Someone else changed this node')).toContainText('you edited version 0, and the node is now at version 1');
  await expect(page.getByRole('textbox', { name: 'Your version' })).toContainText('"v": 2');
  // Nothing was written by restoring.
  expect((await readBytes(zk, path)).data.toString()).toBe('{"v": "theirs"}');

  // Saving (over the conflict, by choice) drops the draft: no offer on the next visit.
  await page.getByRole('button', { name: /Overwrite/ }).click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  await explorer.item('b').click();
  await expect(explorer.heading).toHaveText('b');
  await explorer.item('a.json').click();
  await expect(explorer.editor).toContainText('"v": 2');
  await expect(offer).toHaveCount(0);
});
