import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTlsMaterial, type TlsMaterial } from '@/scripts/lib/zk-security';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { expect, test } from './fixtures/zk';

let dir: string;
let material: TlsMaterial;
let server: StandaloneServer;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zooscope-e2e-tls-'));
  material = makeTlsMaterial(dir);
  server = await startStandalone({ tls: material.server });
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A TLS connection added on the Connections page: tested, browsed, given a wrong CA (a clear failure), removed. */
test('an admin adds a TLS connection, tests and browses it, and sees a wrong CA named', async ({ page }) => {
  test.setTimeout(90_000);
  const id = `e2e-tls-${Date.now().toString(36)}`;
  await page.goto('/connections');
  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('dialog', { name: 'Add a connection' });
  await form.getByRole('textbox', { name: 'Id' }).fill(id);
  await form.getByRole('textbox', { name: 'Connect string' }).fill(`127.0.0.1:${server.secureClientPort}`);
  await form.getByRole('textbox', { name: 'AdminServer URL' }).fill(`http://{host}:${server.adminPort}/commands`);
  await form.getByRole('checkbox', { name: 'TLS' }).check();
  await form.getByRole('textbox', { name: 'CA certificate file' }).fill(path.join(dir, 'missing.pem'));
  await form.getByRole('textbox', { name: 'Client certificate file' }).fill(material.cert);
  await form.getByRole('textbox', { name: 'Client key file' }).fill(material.key);
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(form.getByRole('alert')).toContainText('missing.pem" does not exist');
  await form.getByRole('textbox', { name: 'CA certificate file' }).fill(material.ca);
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(form).toBeHidden();

  const table = page.getByRole('table', { name: 'Connections' });
  const row = table.getByRole('row').filter({ hasText: id });
  await expect(row.getByText('TLS', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Test ${id}` }).click();
  const result = page.getByRole('region', { name: `Test of ${id}` });
  await expect(result).toContainText('TLS ok', { timeout: 20_000 });
  await expect(result).toContainText('reached');

  await row.getByRole('link', { name: id }).click();
  await expect(page.getByRole('tree', { name: 'Namespace' }).getByRole('treeitem', { name: /^zookeeper/ })).toBeVisible({ timeout: 20_000 });

  await page.getByRole('link', { name: 'Connections', exact: true }).click();
  await page.getByRole('button', { name: `Edit ${id}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit connection ${id}` });
  await expect(edit.getByRole('checkbox', { name: 'TLS' })).toBeChecked();
  await edit.getByRole('textbox', { name: 'CA certificate file' }).fill(material.wrongCa);
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('button', { name: `Test ${id}` }).click();
  await expect(result).toContainText('TLS failed');
  await expect(result).toContainText('not signed by the CA');

  await page.getByRole('button', { name: `Remove ${id}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove connection ${id}?` });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(table.getByRole('row').filter({ hasText: id })).toHaveCount(0);
});
