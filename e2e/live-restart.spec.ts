import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startApp, type AppServer } from '../scripts/lib/app-server';
import { freePorts } from '../scripts/lib/ports';
import { startStandalone, type StandaloneServer } from '../scripts/lib/zk-server';
import { connectRaw } from '../tests/helpers/raw-zk';

/**
 * The session indicator across ZooKeeper restarts. The app under test must not lose its server,
 * so this spec runs its own: a ZooKeeper it can stop and start, and a second `next start` of the
 * same build connected to it.
 */

test.describe.configure({ mode: 'serial' });

let zk: StandaloneServer;
let zkPort: number;
let dataDir: string;
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [zkPort] = await freePorts(1);
  dataDir = mkdtempSync(join(tmpdir(), 'zooscope-e2e-restart-'));
  zk = await startStandalone({ port: zkPort, dataDir });
  app = await startApp(zk.connectString);
});

test.afterAll(async () => {
  await app?.stop();
  await zk?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const indicator = (page: Page) => page.getByRole('banner').getByRole('status', { name: /^ZooKeeper session:/ });
const eventRow = (page: Page, text: string) => page.getByRole('table', { name: 'Live events' }).getByRole('row').filter({ hasText: text });

test('the header shows reconnecting while ZooKeeper is down, and connected after its restart', async ({ page }) => {
  await page.goto(`${app.baseURL}/c/default/events`);
  await expect(indicator(page)).toHaveAccessibleName(`ZooKeeper session: Connected to ${zk.connectString}`);

  await zk.stop();
  await expect(indicator(page)).toHaveAccessibleName('ZooKeeper session: Reconnecting…');
  await expect(eventRow(page, 'session disconnected')).toHaveCount(1);

  // Same data directory: the session survives, and so do its watches.
  zk = await startStandalone({ port: zkPort, dataDir });
  await expect(indicator(page)).toHaveAccessibleName(`ZooKeeper session: Connected to ${zk.connectString}`, { timeout: 30_000 });
  await expect(eventRow(page, 'session reconnected')).toHaveCount(1);
});

test('an expired session is reported, then a new one is connected with the watches back', async ({ page }) => {
  await page.goto(`${app.baseURL}/c/default/events`);
  await page.getByRole('textbox', { name: 'Path to watch' }).fill('/watched');
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(indicator(page)).toHaveAccessibleName(/^ZooKeeper session: Connected/);

  // A server with an empty data directory does not know the session: it expires.
  await zk.stop();
  zk = await startStandalone({ port: zkPort });
  const writer = await connectRaw(zk.connectString);
  // It only serves a client that has seen no later zxid than its own: write until it has.
  for (let i = 0; i < 50; i++) await writer.create(`/catch-up-${i}`, Buffer.alloc(0), 0);
  await expect(eventRow(page, 'session expired')).toHaveCount(1, { timeout: 30_000 });
  await expect(eventRow(page, 'session expired')).toContainText('ephemeral nodes owned by the dashboard are gone');
  await expect(page.getByText('ZooKeeper session expired', { exact: true })).toBeVisible();
  await expect(eventRow(page, 'session recovered')).toHaveCount(1);
  await expect(indicator(page)).toHaveAccessibleName(/^ZooKeeper session: Connected \(new session\)/);

  // The watch on /watched was set again on the new session.
  await writer.create('/watched', Buffer.from('hello'), 0);
  await expect(eventRow(page, '/watched').filter({ hasText: 'created' })).toHaveCount(1);
  writer.close();
});
