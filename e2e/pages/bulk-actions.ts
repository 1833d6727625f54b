/** The bulk actions of a node (More actions menu and its dialogs), found by role and name. */
import { expect, type Locator, type Page } from '@playwright/test';
import { baseName } from '@/lib/shared/path';
import { ExplorerPage } from './explorer-page';
import { FIRST_RENDER_MS } from './open-node';

export class BulkActions {
  constructor(readonly page: Page) {}

  /** The open menu (named by its button, or "Actions for <path>" at a tree row). */
  get menu(): Locator {
    return this.page.getByRole('menu');
  }

  /** Opens a node's page; the first page of a busy server may take a while to render. */
  async goto(path: string): Promise<void> {
    await this.page.goto(ExplorerPage.url(path));
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(baseName(path), { timeout: FIRST_RENDER_MS });
  }

  /** Opens the node panel's "More actions" menu. */
  async open(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'More actions' }).click();
    await expect(this.menu).toBeVisible();
    return this.menu;
  }

  /** Opens the menu and chooses an action; answers its dialog. */
  async choose(action: 'Export…' | 'Import…' | 'Copy to…' | 'Move/Rename…' | 'Compare with…', title: string | RegExp): Promise<Locator> {
    const menu = await this.open();
    await menu.getByRole('menuitem', { name: action }).click();
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Picks an export file in a dialog's file field. */
  async pickFile(dialog: Locator, file: string): Promise<void> {
    await dialog.getByLabel('Export file', { exact: true }).setInputFiles(file);
  }
}
