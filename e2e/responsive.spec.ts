import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/zk';
import { CONNECTION, ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

/**
 * Every page fits its width at phone, tablet, laptop and desktop sizes, in light and dark: no
 * horizontal scrolling of the page (wide tables scroll inside their card). The screenshots are
 * written for a person to look at (test-results/screens/).
 */
const WIDTHS = [390, 768, 1024, 1440] as const;
const OUT = join('test-results', 'screens');

test.describe.configure({ timeout: 120_000 });

test('every page fits 390, 768, 1024 and 1440 px, light and dark', async ({ page, zk }) => {
  const root = uniqueRoot('fit');
  const node = `${root}/${'a-rather-long-node-name-'.repeat(3)}0000000042`;
  await createAll(zk, [[root], [node, JSON.stringify({ description: 'x'.repeat(400), replicas: 3 })]]);
  mkdirSync(OUT, { recursive: true });
  const c = encodeURIComponent(CONNECTION);
  const pages = [
    ['connections', '/connections'],
    ['browse', ExplorerPage.url(node)],
    ['ensemble', `/c/${c}/ensemble`],
    ['kafka', `/c/${c}/kafka`],
    ['events', `/c/${c}/events`],
    ['audit', `/c/${c}/audit`],
  ] as const;
  // Each page is loaded once, at the narrowest width (the layout most likely to break), then
  // resized and switched to dark as a user would: 6 loads instead of 48 keep the suite short.
  for (const [name, url] of pages) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: WIDTHS[0], height: 844 });
    await page.goto(url);
    await expect(page.getByRole('banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of scheme === 'light' ? WIDTHS : [...WIDTHS].reverse()) {
        await page.setViewportSize({ width, height: width < 768 ? 844 : 900 });
        // Two frames: the resize observers and media queries have laid the page out again.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        await page.screenshot({ path: join(OUT, `${name}-${width}-${scheme}.png`) });
        expect.soft(scroll, `${name} at ${width} px (${scheme}) is ${scroll} px wide`).toBeLessThanOrEqual(inner);
      }
    }
  }
});

test('at 390 px the tree is a drawer and the header links are in a menu', async ({ page, zk }) => {
  const root = uniqueRoot('drawer');
  await createAll(zk, [[root], [`${root}/one`, '1'], [`${root}/two`, '2']]);
  await page.setViewportSize({ width: 390, height: 844 });
  const explorer = new ExplorerPage(page);
  await page.goto(ExplorerPage.url(`${root}/one`));
  await expect(explorer.heading).toHaveText('one', { timeout: 30_000 });

  await expect(explorer.tree).toBeHidden();
  await page.getByRole('button', { name: 'Show the namespace tree' }).click();
  await expect(explorer.tree).toBeVisible();
  await explorer.item('two').click();
  await expect(explorer.heading).toHaveText('two');
  // Choosing a node closes the drawer over it.
  await expect(explorer.tree).toBeHidden();

  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Sections (menu)' }).getByRole('link', { name: 'Ensemble' }).click();
  await expect(page).toHaveURL(/\/ensemble$/);
});
