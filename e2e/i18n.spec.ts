/**
 * Languages: the header's switch, the cookie that remembers it, Accept-Language without a cookie,
 * and that switching keeps client state (an editor's unsaved text).
 */
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';
import { LOCALE_COOKIE } from '@/lib/shared/locales';

test('switching to Korean in the header keeps the unsaved text and translates the header', async ({ page, zk }) => {
  // Two page loads, a switch there and back, under a loaded machine.
  test.slow();
  const root = uniqueRoot('i18n');
  const path = `${root}/config.json`;
  await createAll(zk, [[root], [path, '{"replicas": 2}']]);
  const explorer = new ExplorerPage(page);
  // The run's first page load can be slow on a loaded machine.
  await page.goto(ExplorerPage.url(path));
  await expect(explorer.heading).toHaveText('config.json', { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await explorer.replaceValue('{"replicas": 7}');
  await expect(explorer.unsaved).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');

  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const nav = page.getByRole('navigation', { name: '메뉴' });
  await expect(nav.getByRole('link', { name: '탐색' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: '앙상블' })).toBeVisible();
  await expect(page.getByRole('link', { name: '연결', exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: /^주키퍼 세션: .*연결됨/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '단축키' })).toBeVisible();
  // The editor was not remounted: the text typed before the switch is still there, still unsaved.
  expect((await page.getByRole('textbox', { name: '데이터' }).innerText()).replace(/\u00a0/g, ' ')).toBe('{"replicas": 7}');
  await expect(explorer.heading).toHaveText('config.json');
  expect((await page.context().cookies()).find((c) => c.name === LOCALE_COOKIE)?.value).toBe('ko');

  // The choice is remembered: a new page load is in Korean, and switching back works the same way.
  await page.reload();
  await expect(page.getByRole('combobox', { name: '언어' })).toHaveValue('ko');
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Browse' })).toBeVisible();
});

test('Accept-Language picks Korean without a cookie; the cookie wins over it', async ({ browser, baseURL }) => {
  const korean = await browser.newContext({ locale: 'ko-KR' });
  try {
    const page = await korean.newPage();
    await page.goto('/signin');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1, name: 'Zooscope 로그인' })).toBeVisible();
    await expect(page).toHaveTitle('로그인 · Zooscope');
    // The server of the e2e run has no users file: the page says no sign-in is needed, in Korean.
    await expect(page.getByRole('alert').filter({ hasText: '로그인이 필요 없습니다' })).toBeVisible();

    await korean.addCookies([{ name: LOCALE_COOKIE, value: 'en', url: baseURL! }]);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Zooscope' })).toBeVisible();
  } finally {
    await korean.close();
  }
});

test('an API error is shown by its code in Korean, with the path', async ({ browser, baseURL }) => {
  const korean = await browser.newContext({ locale: 'ko-KR' });
  try {
    const page = await korean.newPage();
    const missing = `${uniqueRoot('i18n-missing')}/nowhere`;
    await page.goto(new URL(ExplorerPage.url(missing), baseURL).toString());
    await expect(page.getByRole('alert').filter({ hasText: '노드 없음' })).toContainText(`${missing}에 노드가 없습니다.`);
  } finally {
    await korean.close();
  }
});

test('why a typed path is refused is said in Korean, by its code', async ({ browser, baseURL }) => {
  const korean = await browser.newContext({ locale: 'ko-KR' });
  try {
    const page = await korean.newPage();
    await page.goto(new URL(ExplorerPage.url('/'), baseURL).toString());
    const input = page.getByRole('combobox', { name: '경로', exact: true });
    await input.fill('/a/./b');
    await input.press('Enter');
    await expect(input).toHaveAccessibleDescription('잘못된 경로: 경로에 상대 구간(.)이 있으면 안 됩니다.');
  } finally {
    await korean.close();
  }
});

test('at 1440 px the header fits in both languages (screenshots of the browse page)', async ({ browser, baseURL }, testInfo) => {
  const dir = process.env.ZOOSCOPE_I18N_SHOTS ?? testInfo.outputPath();
  test.slow();
  for (const locale of ['en-US', 'ko-KR']) {
    const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(new URL(ExplorerPage.url('/apps/orders/config.json'), baseURL).toString());
      await expect(page.getByRole('heading', { level: 1, name: 'config.json' })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('status', { name: /connected|연결됨/i })).toBeVisible();
      // The header does not overflow, and no control of it wraps: each shows its text on one line.
      const fit = await page.getByRole('banner').evaluate((header) => ({
        overflow: header.scrollWidth - header.clientWidth,
        wrapped: [...header.querySelectorAll<HTMLElement>('a, button')]
          .filter((e) => {
            // The lines its text occupies: the distinct tops of its text nodes' boxes (icons aside).
            const tops = new Set<number>();
            const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement?.closest('[aria-hidden="true"]')) continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
            }
            return tops.size > 1;
          })
          .map((e) => e.textContent),
      }));
      expect(fit, locale).toEqual({ overflow: 0, wrapped: [] });
      const banner = await page.getByRole('banner').boundingBox();
      expect(banner!.width, locale).toBeLessThanOrEqual(1440);
      await page.screenshot({ path: `${dir}/browse-${locale.slice(0, 2)}.png` });
    } finally {
      await context.close();
    }
  }
});
