import { expect } from '@playwright/test';
import { baseName } from '@/lib/shared/path';
import { ExplorerPage } from './explorer-page';

/** How long a first page load may take to render: a loaded machine hydrates in seconds. */
export const FIRST_RENDER_MS = 30_000;

/** ExplorerPage.goto with room for a slow first render (a loaded machine hydrates in seconds). */
export async function openNode(explorer: ExplorerPage, path: string): Promise<void> {
  await explorer.page.goto(ExplorerPage.url(path));
  await expect(explorer.heading).toHaveText(baseName(path), { timeout: FIRST_RENDER_MS });
}
