/**
 * The journey of an operator who reads Korean (NEXT_LOCALE=ko): browse to a node through the
 * tree, edit and save its value, run into a conflict (someone else changed the node after the
 * page read it), and open the ensemble page. Elements are found by their Korean names.
 */
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, readBytes, uniqueRoot } from './pages/test-data';
import { LOCALE_COOKIE } from '@/lib/shared/locales';

test('in Korean: browse through the tree, save, see a conflict in Korean, open the ensemble page', async ({ page, zk, baseURL }) => {
  // Several page loads and a save round trip on a loaded machine.
  test.slow();
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'ko', url: baseURL! }]);
  const root = uniqueRoot('i18n-journey');
  const path = `${root}/app/config.json`;
  await createAll(zk, [[root], [`${root}/app`], [path, '{"replicas": 2}']]);
  const explorer = new ExplorerPage(page);
  const heading = page.getByRole('heading', { level: 1 });
  const tree = page.getByRole('tree', { name: '네임스페이스' });
  const editor = page.getByRole('textbox', { name: '데이터', exact: true });
  // As ExplorerPage.replaceValue, on the editor's Korean name.
  const replaceValue = async (text: string) => {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };

  // Browse: from the test's root, down the tree to the node.
  await page.goto(ExplorerPage.url(root));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(heading).toHaveText(root.slice(1), { timeout: 30_000 });
  const app = tree.getByRole('treeitem', { name: 'app', exact: true });
  await app.click();
  await expect(heading).toHaveText('app');
  await expect(app).toHaveAccessibleDescription('자식 노드 1개');
  await app.press('ArrowRight');
  await tree.getByRole('treeitem', { name: 'config.json', exact: true }).click();
  await expect(heading).toHaveText('config.json');
  await expect(page.getByRole('navigation', { name: '경로 탐색' }).getByRole('link', { name: 'app' })).toBeVisible();
  await expect(editor).toContainText('"replicas": 2');

  // Edit and save: the Korean button, the unsaved marker, the success toast with the new version.
  await replaceValue('{"replicas": 3}');
  await expect(page.getByRole('status').filter({ hasText: '저장되지 않은 변경' })).toBeVisible();
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await expect(explorer.toast(`${path} 저장됨`)).toContainText('현재 버전 1');
  await expect(page.getByRole('status').filter({ hasText: '저장되지 않은 변경' })).toHaveCount(0);
  expect((await readBytes(zk, path)).data.toString()).toBe('{"replicas": 3}');

  // A conflict: someone else writes version 2 after the page read version 1; the save is refused.
  await replaceValue('{"replicas": 4}');
  await zk.set(path, '{"replicas": 9}', 1);
  await page.getByRole('button', { name: '저장', exact: true }).click();
  const conflict = page.getByRole('alert').filter({ hasText: '다른 사용자가 이 노드를 변경했습니다' });
  await expect(conflict).toContainText('편집한 버전은 1인데 노드는 현재 버전 2입니다. 아무것도 덮어쓰지 않았습니다.');
  await expect(page.getByRole('textbox', { name: '상대 버전' })).toContainText('"replicas": 9');
  await expect(page.getByRole('textbox', { name: '내 버전' })).toContainText('"replicas": 4');
  await expect(conflict.getByRole('button', { name: '내 값으로 덮어쓰기' })).toBeVisible();
  const stored = await readBytes(zk, path);
  expect([stored.data.toString(), stored.version]).toEqual(['{"replicas": 9}', 2]);
  // Taking their version ends the conflict.
  await conflict.getByRole('button', { name: '다시 불러오기' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(editor).toContainText('"replicas": 9');

  // The ensemble page, from the Korean header.
  const nav = page.getByRole('navigation', { name: '메뉴' });
  await nav.getByRole('link', { name: '앙상블' }).click();
  await expect(page).toHaveTitle('앙상블 · Zooscope');
  await expect(nav.getByRole('link', { name: '앙상블' })).toHaveAttribute('aria-current', 'page');
});
