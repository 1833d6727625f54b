import { fourLetterWord } from '@/scripts/lib/zk-server';
import { expect, test } from './fixtures/zk';
import { CONNECTION, ExplorerPage } from './pages/explorer-page';
import { createAll, deleteTree, uniqueRoot } from './pages/test-data';

/** The ensemble page against the standalone server the e2e run starts (or ZK_CONNECT). */

const ENSEMBLE_URL = `/c/${CONNECTION}/ensemble`;

/** The release the server itself reports, e.g. "3.8.0". */
async function serverVersion(host: string, port: number): Promise<string> {
  const srvr = await fourLetterWord(port, 'srvr', 2000, host);
  const version = /Zookeeper version: (\d+(?:\.\d+)+)/.exec(srvr)?.[1];
  if (!version) throw new Error(`No version in srvr's answer: ${srvr}`);
  return version;
}

test('a standalone server is reported healthy, with its version and figures, and charted over time', async ({ page, zkConnectString }) => {
  const address = zkConnectString.split(',')[0].replace(/\/.*$/, '');
  const [host, port] = address.split(':');
  const version = await serverVersion(host, Number(port));

  await page.goto(ENSEMBLE_URL);
  await expect(page.getByRole('heading', { name: 'Ensemble', level: 1 })).toBeVisible();
  const health = page.getByRole('status', { name: 'Ensemble health' });
  await expect(health).toHaveAttribute('data-status', 'green');
  await expect(health).toContainText('Healthy');
  await expect(health).toContainText('standalone');

  const servers = page.getByRole('region', { name: 'Servers' });
  const row = servers.getByRole('row', { name: new RegExp(address.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Up');
  await expect(row).toContainText('standalone');
  await expect(row).toContainText(version);
  await expect(row).toContainText(/0x[0-9a-f]+\s*epoch \d+, counter [\d,]+/);
  // Znodes: the demo namespace alone holds thousands.
  const znodes = row.getByRole('cell').nth(9);
  // Which source answered: the embedded server whitelists every four-letter word.
  await expect(row.getByRole('cell').nth(3)).toHaveText('mntr');
  await expect(znodes).toHaveText(/^\d{1,3}(,\d{3})+$/);

  // The hour of charts fills in from the server-side sampler polled every 5 s.
  const charts = page.getByRole('region', { name: 'Last 60 minutes' });
  await expect(charts.getByRole('list', { name: 'Chart legend' })).toContainText(address);
  for (const name of ['Average latency', 'Outstanding requests', 'Connections', 'Znodes', 'Watches']) {
    await expect(charts.getByRole('figure', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(charts.getByText('Collecting samples')).toBeHidden({ timeout: 20_000 });
  await expect(charts.getByRole('figure', { name: /^Znodes/ })).toContainText(new RegExp(`${address.replace(/\./g, '\\.')}\\s*\\d[\\d,]*`));
});

test('the charts open filled: the server keeps the samples since the first visit, and a reload shows them at once', async ({ page }) => {
  test.setTimeout(90_000);
  // A visit to any page of the connection starts the server's sampler (the header polls the session).
  await new ExplorerPage(page).goto('/');
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/connections/${CONNECTION}/ensemble/history`)).json()).samples.length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);

  const samplesShown = async () => {
    const plot = page.getByRole('region', { name: 'Last 60 minutes' }).getByRole('figure', { name: /^Znodes/ }).getByRole('img');
    // Read as soon as the chart appears, i.e. from the page's first answer (the next poll is 5 s away).
    await expect(plot).toBeVisible({ timeout: 20_000 });
    const points = Number(await plot.getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(2);
    await expect(plot).toHaveAttribute('aria-label', /over the last 60 minutes, \d+ samples/);
    await expect(page.getByText('Collecting samples')).toHaveCount(0);
    return points;
  };
  await page.goto(ENSEMBLE_URL);
  const before = await samplesShown();
  await page.reload();
  expect(await samplesShown()).toBeGreaterThanOrEqual(before);
});

test("the dashboard's own sessions list, on request, the ephemeral nodes they own, linked to the explorer", async ({ page, zk }) => {
  const root = uniqueRoot('ephemeral-owner');
  await createAll(zk, [[root]]);
  const owned = `${root}/owned-by-dashboard`;
  try {
    // Created through the dashboard, so its own session owns the node.
    const created = await page.request.post(`/api/v1/connections/${CONNECTION}/node`, { data: { path: owned, mode: 'ephemeral', data: { text: 'x' } } });
    expect(created.status()).toBe(201);

    await page.goto(ENSEMBLE_URL);
    const sessions = page.getByRole('region', { name: 'Dashboard sessions' });
    // `dump` is costly on a large server: the list waits for an explicit click.
    await expect(sessions.getByRole('cell', { name: 'not listed yet' }).first()).toBeVisible();
    await sessions.getByRole('button', { name: 'List ephemeral nodes' }).click();
    const row = sessions.getByRole('row').filter({ has: page.getByRole('link', { name: owned, exact: true }) });
    await expect(row).toContainText('connected');
    await expect(row.getByRole('cell').first()).toHaveText(/^0x[0-9a-f]+$/);
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^[\w.-]+:\d+$/); // the server it is connected to
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d+ s$/); // negotiated timeout

    await row.getByRole('link', { name: owned, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${CONNECTION}/browse${owned}$`));
    await expect(new ExplorerPage(page).heading).toHaveText('owned-by-dashboard');
  } finally {
    await deleteTree(zk, root);
  }
});
