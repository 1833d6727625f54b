/**
 * The explorer as a user sees it: elements found by role and accessible name only, so a
 * change that breaks these lookups breaks accessibility too.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { browseHref } from '@/lib/client/urls';
import { baseName } from '@/lib/shared/path';

/** The connection `scripts/start.ts` configures (from ZK_CONNECT). */
export const CONNECTION = 'default';

export class ExplorerPage {
  readonly tree: Locator;
  readonly heading: Locator;
  readonly editor: Locator;
  readonly saveButton: Locator;
  readonly revertButton: Locator;
  readonly pathInput: Locator;
  readonly unsaved: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Namespace' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.editor = page.getByRole('textbox', { name: 'Data', exact: true });
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.revertButton = page.getByRole('button', { name: 'Revert' });
    this.pathInput = page.getByRole('combobox', { name: 'Path', exact: true });
    this.unsaved = page.getByRole('status').filter({ hasText: 'Unsaved changes' });
  }

  static url(path: string): string {
    return browseHref(CONNECTION, path);
  }

  /** Opens a node by URL and waits until its panel shows it. */
  async goto(path: string): Promise<void> {
    await this.page.goto(ExplorerPage.url(path));
    await expect(this.heading).toHaveText(baseName(path));
  }

  item(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** Scrolls the tree (as a scroll wheel would) so that row `index` of the flat list is in view. */
  async scrollTreeToRow(index: number): Promise<void> {
    await this.tree.evaluate((tree, i) => {
      let scroller = tree.parentElement;
      while (scroller && getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement;
      const rowHeight = tree.querySelector('[role="treeitem"]')!.getBoundingClientRect().height;
      scroller!.scrollTop = i * rowHeight - scroller!.clientHeight / 2;
    }, index);
  }

  filter(nodeName: string): Locator {
    return this.page.getByRole('searchbox', { name: `Filter children of ${nodeName}` });
  }

  /** An alert naming the problem (errors are role="alert"). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Replaces the whole value in the editor, as typing would (without auto-closing brackets). */
  async replaceValue(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** The editor's text, line breaks included. */
  async value(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, ' ');
  }

  showAs(): Locator {
    return this.page.getByRole('combobox', { name: 'Show as' });
  }

  async goToPath(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.pathInput.press('Enter');
  }

  /** A field of the stat panel, by its ZooKeeper name (version, mzxid, …). */
  stat(field: string): Locator {
    return this.page
      .getByRole('region', { name: 'Stat' })
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${field}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('[data-sonner-toast]').filter({ hasText: text });
  }
}

/** The create dialog, opened from the node header. */
export class CreateNodeDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Create node' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New node' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async create(options: { name: string; mode?: string; data?: string; ttl?: { amount: string; unit: string }; parents?: boolean }): Promise<void> {
    await this.open();
    await this.dialog.getByRole('textbox', { name: 'Name or path' }).fill(options.name);
    if (options.mode) await this.dialog.getByRole('radio', { name: options.mode, exact: true }).check();
    if (options.ttl) {
      await this.dialog.getByRole('spinbutton', { name: 'Time to live' }).fill(options.ttl.amount);
      await this.dialog.getByRole('combobox', { name: 'Time to live unit' }).selectOption({ label: options.ttl.unit });
    }
    if (options.data !== undefined) await this.dialog.getByRole('textbox', { name: /Initial data/ }).fill(options.data);
    if (options.parents) await this.dialog.getByRole('checkbox', { name: /Create missing parent nodes/ }).check();
    await this.dialog.getByRole('button', { name: 'Create', exact: true }).click();
  }
}

/** The delete confirmation. */
export class DeleteNodeDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Delete node/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: /^Delete( recursively| [\d,]+ nodes)?$/ });
  }
}
