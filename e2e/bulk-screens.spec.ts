/**
 * Screenshots of the bulk dialogs and the compare tree, light and dark and 390 px wide, for a
 * person to look at (written to test-results/bulk-screens). Also checks that nothing of a
 * dialog lies outside a narrow screen.
 */
import { expect, test } from './fixtures/zk';
import { BulkActions } from './pages/bulk-actions';
import { createAll, deleteTree, uniqueRoot } from './pages/test-data';

const OUT = 'test-results/bulk-screens';

for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 390], ['dark', 390]] as const) {
  test(`bulk dialogs, ${scheme}, ${width} px`, async ({ page, zk }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    const root = uniqueRoot('bulk-screens');
    const [a, b] = [`${root}/staging`, `${root}/production`];
    await createAll(zk, [[root], [a], [b], [`${a}/config`, '{"port":9092,"host":"a"}'], [`${b}/config`, '{"port":9093,"host":"a"}'], [`${a}/only-here`, 'x'], [`${b}/new`, ''], [`${b}/new/kid`, 'k'], [`${a}/same`, 's'], [`${b}/same`, 's']]);
    const bulk = new BulkActions(page);
    await bulk.goto(a);
    const tag = `${scheme}-${width}`;
    await bulk.open();
    await page.screenshot({ path: `${OUT}/menu-${tag}.png` });
    await page.keyboard.press('Escape');

    const compared = await bulk.choose('Compare with…', `Compare ${a}`);
    await compared.getByRole('textbox', { name: 'Other path' }).fill(b);
    await compared.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(compared.getByRole('status')).toContainText('1 changed');
    await compared.getByRole('list', { name: 'Differences' }).getByRole('button', { name: 'config' }).click();
    await expect(compared.getByRole('textbox', { name: `Value in ${b}` })).toContainText('9093');
    await page.screenshot({ path: `${OUT}/compare-${tag}.png` });
    const box = await compared.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await page.keyboard.press('Escape');

    const imported = await bulk.choose('Import…', `Import into ${a}`);
    await page.screenshot({ path: `${OUT}/import-${tag}.png` });
    await page.keyboard.press('Escape');
    await expect(imported).toHaveCount(0);
    await bulk.choose('Move/Rename…', `Move or rename ${a}`);
    await page.screenshot({ path: `${OUT}/move-${tag}.png` });
    await page.keyboard.press('Escape');
    await bulk.choose('Export…', `Export ${a}`);
    await page.screenshot({ path: `${OUT}/export-${tag}.png` });
    await deleteTree(zk, root);
  });
}
