import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { openNode } from './pages/open-node';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';

// A loaded machine renders the first page slowly.
test.describe.configure({ timeout: 60_000 });

test('JSON on one line opens formatted without changing it, and invalid JSON is marked while typing', async ({ page, zk }) => {
  const root = uniqueRoot('lint');
  const path = `${root}/app.json`;
  const raw = `{"name":"${'x'.repeat(300)}","replicas":2}`;
  await createAll(zk, [[root], [path, raw]]);
  const explorer = new ExplorerPage(page);
  await openNode(explorer, path);

  await expect(page.getByRole('note').filter({ hasText: 'Shown formatted' })).toBeVisible();
  expect(await explorer.value()).toContain('\n  "replicas": 2\n');
  await expect(explorer.unsaved).toHaveCount(0);
  await expect(explorer.saveButton).toBeDisabled();
  await page.getByRole('button', { name: 'Show raw' }).click();
  expect((await explorer.value()).trim()).toBe(raw);
  await expect(page.getByLabel(`Size: ${raw.length} B`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Pretty-print' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Shown formatted' })).toBeVisible();

  // Typing: the mark appears in the editor and the reason below it, before any save.
  await explorer.replaceValue('{"replicas": 3,');
  await expect(page.getByRole('status', { name: 'Syntax check' })).toContainText('Invalid JSON');
  await expect(page.locator('.cm-lintRange-error, .cm-lintPoint-error')).not.toHaveCount(0);
  await expect(page.getByLabel('Size: 15 B (unsaved)', { exact: true })).toBeVisible();
  await page.keyboard.insertText(' "x": 4}');
  await expect(page.getByRole('status', { name: 'Syntax check' })).toHaveText('');
  await expect(page.locator('.cm-lintRange-error, .cm-lintPoint-error')).toHaveCount(0);
  expect((await readBytes(zk, path)).data.toString()).toBe(raw);
});

test('a value downloads byte for byte, and an uploaded file is saved byte for byte', async ({ page, zk }) => {
  const root = uniqueRoot('file');
  const path = `${root}/blob`;
  const stored = Buffer.from([0x00, 0xff, 0x80, 0x7f, 0xc3, 0x28, 0x0a, 0x41, 0x42, 0xfe, 0x1f, 0x8b, 0x00]);
  await createAll(zk, [[root], [path, stored]]);
  const explorer = new ExplorerPage(page);
  await openNode(explorer, path);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download value' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('blob');
  expect((await readFile(await download.path())).equals(stored)).toBe(true);

  const upload = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
  await page.getByLabel('File to use as the value').setInputFiles({ name: 'payload.bin', mimeType: 'application/octet-stream', buffer: upload });
  await expect(explorer.unsaved).toBeVisible();
  await expect(page.getByLabel('Size: 4.0 KiB (unsaved)', { exact: true })).toBeVisible();
  // Nothing is written until the operator saves.
  expect((await readBytes(zk, path)).data.equals(stored)).toBe(true);
  await explorer.saveButton.click();
  await expect(explorer.toast(`Saved ${path}`)).toBeVisible();
  const after = await readBytes(zk, path);
  expect(after.data.equals(upload)).toBe(true);
  expect(after.version).toBe(1);
});

test('an upload over a value changed underneath is refused as a conflict', async ({ page, zk }) => {
  const root = uniqueRoot('file-conflict');
  const path = `${root}/v`;
  await createAll(zk, [[root], [path, 'first']]);
  const explorer = new ExplorerPage(page);
  await openNode(explorer, path);
  await page.getByLabel('File to use as the value').setInputFiles({ name: 'v.txt', mimeType: 'text/plain', buffer: Buffer.from('from a file') });
  await zk.set(path, 'theirs', 0);
  await explorer.saveButton.click();
  await expect(explorer.alert('Someone else changed this node')).toBeVisible();
  expect((await readBytes(zk, path)).data.toString()).toBe('theirs');
});
