import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test, type RawZk } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';

test('editing JSON: an invalid value is refused with the reason, the fixed value is saved', async ({ page, zk }) => {
  const root = uniqueRoot('json');
  const path = `${root}/settings.json`;
  await createAll(zk, [[root], [path, '{"replicas": 2}']]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);
  await expect(page.getByRole('combobox', { name: 'Syntax' })).toHaveValue('json');

  await explorer.replaceValue('{"replicas": 3,}');
  await expect(explorer.unsaved).toBeVisible();
  await explorer.saveButton.click();
  await expect(explorer.alert('Not saved: the value is not valid')).toContainText('Invalid JSON');
  expect((await readBytes(zk, path)).version).toBe(0);

  await explorer.replaceValue('{"replicas": 3}');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  await expect(explorer.unsaved).toHaveCount(0);
  await expect(explorer.alert('Not saved')).toHaveCount(0);
  const stored = await readBytes(zk, path);
  expect(stored.data.toString()).toBe('{"replicas": 3}');
  expect(stored.version).toBe(1);
  await expect(explorer.stat('version')).toHaveText('1');

  // Revert brings back what was loaded.
  await explorer.replaceValue('{"replicas": 9}');
  await explorer.revertButton.click();
  await expect(explorer.editor).toContainText('"replicas": 3');
  await expect(explorer.unsaved).toHaveCount(0);
});

/** A node edited to "mine" in the explorer while another client sets it to "theirs". */
async function editedUnderneath(page: Page, zk: RawZk, name: string): Promise<{ explorer: ExplorerPage; path: string }> {
  const root = uniqueRoot(name);
  const path = `${root}/flags.json`;
  await createAll(zk, [[root], [path, '{"mode": "original"}']]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);
  await explorer.replaceValue('{"mode": "mine"}');
  await zk.set(path, '{"mode": "theirs"}', 0);
  return { explorer, path };
}

test('a change made underneath is shown side by side and never overwritten silently', async ({ page, zk }) => {
  const { explorer, path } = await editedUnderneath(page, zk, 'conflict');
  await explorer.saveButton.click();

  await expect(explorer.alert('Someone else changed this node')).toContainText('you edited version 0, and the node is now at version 1');
  await expect(page.getByRole('textbox', { name: 'Their version' })).toContainText('"theirs"');
  await expect(page.getByRole('textbox', { name: 'Your version' })).toContainText('"mine"');
  expect((await readBytes(zk, path)).data.toString()).toBe('{"mode": "theirs"}');

  // Overwriting is a deliberate second step, against the version just shown.
  await page.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  let stored = await readBytes(zk, path);
  expect(stored.data.toString()).toBe('{"mode": "mine"}');
  expect(stored.version).toBe(2);

  // Or the operator takes their version.
  await explorer.replaceValue('{"mode": "mine again"}');
  await zk.set(path, '{"mode": "theirs again"}', 2);
  await explorer.saveButton.click();
  await expect(explorer.alert('Someone else changed this node')).toBeVisible();
  await page.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(explorer.editor).toContainText('"theirs again"');
  await expect(explorer.unsaved).toHaveCount(0);
  stored = await readBytes(zk, path);
  expect(stored.data.toString()).toBe('{"mode": "theirs again"}');
  expect(stored.version).toBe(3);
});

test('a comparison whose code cannot be downloaded says so, and Try again shows it', async ({ page, zk }) => {
  const { explorer, path } = await editedUnderneath(page, zk, 'conflict-offline');
  // The comparison's code is fetched only when one is shown: the network drops it.
  await page.route('**/_next/static/chunks/**', (route) => route.abort());
  await explorer.saveButton.click();
  await expect(explorer.alert('Someone else changed this node')).toBeVisible();
  await expect(explorer.alert('This view could not be loaded')).toBeVisible();
  await page.unroute('**/_next/static/chunks/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('textbox', { name: 'Their version' })).toContainText('"theirs"');
  await expect(explorer.alert('This view could not be loaded')).toHaveCount(0);
  expect((await readBytes(zk, path)).data.toString()).toBe('{"mode": "theirs"}');
});

test('a binary value is shown as hex and saved back byte for byte', async ({ page, zk }) => {
  const root = uniqueRoot('binary');
  const path = `${root}/blob`;
  const bytes = Buffer.from([0x00, 0xff, 0x80, 0x7f, 0xc3, 0x28, 0x0a, 0x41, 0x42, 0xfe, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xee]);
  await createAll(zk, [[root], [path, bytes]]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);

  await expect(explorer.showAs()).toHaveValue('hex');
  expect(await explorer.value()).toContain('00 ff 80 7f c3 28 0a 41 42 fe 01 02 03 04 05 06');
  await expect(page.getByText('.....(.AB.......')).toBeVisible();

  const edited = Buffer.from(bytes);
  edited[1] = 0x10;
  await explorer.replaceValue(edited.toString('hex').replace(/(..)/g, '$1 ').trim());
  await explorer.saveButton.click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  expect((await readBytes(zk, path)).data.equals(edited)).toBe(true);

  // Base64 edits are byte-exact too; invalid hex is refused.
  await explorer.showAs().selectOption('base64');
  expect((await explorer.value()).trim()).toBe(edited.toString('base64'));
  await explorer.showAs().selectOption('hex');
  await explorer.replaceValue('zz');
  await explorer.saveButton.click();
  await expect(explorer.alert('Not saved')).toContainText('"z" is not a hex digit');
  expect((await readBytes(zk, path)).data.equals(edited)).toBe(true);
});

test('a gzip value is shown decompressed and compressed again on save', async ({ page, zk }) => {
  const root = uniqueRoot('gzip');
  const path = `${root}/packed`;
  await createAll(zk, [[root], [path, gzipSync(Buffer.from('{"compressed": true}'))]]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);

  await expect(explorer.editor).toContainText('"compressed": true');
  await explorer.replaceValue('{"compressed": "still"}');
  await explorer.saveButton.click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  const stored = (await readBytes(zk, path)).data;
  expect(stored.subarray(0, 2).toString('hex')).toBe('1f8b');
  expect(gunzipSync(stored).toString()).toBe('{"compressed": "still"}');
});

test('text in another charset is decoded and saved in that charset', async ({ page, zk }) => {
  const root = uniqueRoot('charset');
  const path = `${root}/latin1`;
  await createAll(zk, [[root], [path, Buffer.from('café crème', 'latin1')]]);
  const explorer = new ExplorerPage(page);
  await explorer.goto(path);

  await explorer.showAs().selectOption('iso-8859-1');
  await expect(explorer.editor).toContainText('café crème');
  await explorer.replaceValue('déjà vu');
  await explorer.saveButton.click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  expect((await readBytes(zk, path)).data.equals(Buffer.from('déjà vu', 'latin1'))).toBe(true);
});
