import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';

test('the local-mode notice can be dismissed, and stays dismissed in this browser', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.goto('/apps');
  const notice = page.getByRole('note', { name: 'Local mode' });
  await expect(notice).toContainText('no sign-in');
  await notice.getByRole('button', { name: 'Dismiss the local mode notice' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(explorer.heading).toHaveText('apps');
  await expect(notice).toHaveCount(0);
});
