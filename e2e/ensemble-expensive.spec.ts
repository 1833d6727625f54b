import fs from 'node:fs';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { expect, test } from './fixtures/zk';

/**
 * The costly four-letter words (`cons`, `dump`, `wchc`, `wchp`) only on an explicit click: the
 * ensemble page of a connection with two hosts (the old way to learn its session's server was
 * `cons`) is opened and left to poll, and the server's own log counts what it was sent.
 */

let server: StandaloneServer;

test.beforeAll(async () => {
  server = await startStandalone();
});

test.afterAll(async () => {
  await server?.stop();
});

const EXPENSIVE = /Processing (cons|dump|wchc|wchp) command/g;
const sent = () => [...fs.readFileSync(server.logFile, 'utf8').matchAll(EXPENSIVE)].map((m) => m[1]);

test('the ensemble page sends no cons, dump, wchc or wchp until the operator asks for the ephemeral nodes', async ({ page }) => {
  test.setTimeout(90_000);
  const id = `e2e-costly-${Date.now().toString(36)}`;
  const address = `127.0.0.1:${server.clientPort}`;
  // A second host that refuses connections: several hosts, one session, on the first.
  const added = await page.request.post('/api/v1/connections', { data: { id, connectString: `${address},127.0.0.1:1` } });
  expect(added.status()).toBe(201);
  try {
    await page.goto(`/c/${id}/ensemble`);
    const servers = page.getByRole('region', { name: 'Servers' });
    await expect(servers.getByRole('row', { name: new RegExp(address.replace(/\./g, '\\.')) })).toContainText('Up');
    const sessions = page.getByRole('region', { name: 'Dashboard sessions' });
    const ours = sessions.getByRole('row').filter({ hasText: id });
    // The server the session is on comes from the C client (zoo_get_current_server).
    await expect(ours.getByRole('cell', { name: address, exact: true })).toBeVisible();
    // Two polls of the page and its 5 s sampler.
    await page.waitForTimeout(11_000);
    expect(sent()).toEqual([]);

    await sessions.getByRole('button', { name: 'List ephemeral nodes' }).click();
    await expect.poll(sent, { timeout: 10_000 }).toContain('dump');
    expect(sent().filter((w) => w !== 'dump')).toEqual([]);
  } finally {
    await page.request.delete(`/api/v1/connections/${id}?version=1`);
  }
});
