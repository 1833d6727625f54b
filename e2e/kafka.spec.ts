import type { Page } from '@playwright/test';
import { seedKafka, type KafkaWriter, type SeedKafkaOptions } from '@/scripts/lib/seed-kafka';
import { expect, test, ZK, type RawZk } from './fixtures/zk';
import { CONNECTION, ExplorerPage } from './pages/explorer-page';
import { deleteTree, uniqueRoot } from './pages/test-data';

/** The Kafka view against the demo cluster (seeded at "/") and against layouts each test writes. */

const KAFKA_URL = `/c/${CONNECTION}/kafka`;
/** scripts/lib/seed-demo.ts */
const DEMO_CLUSTER_ID = 'Zq3xG7bVQmK0pLr2sT9wYA';
const DEMO_TOPICS = ['__consumer_offsets', 'audit-log', 'clickstream', 'orders', 'payments'];

/** seedKafka through the fixture's raw client: its session owns the ephemeral broker registrations. */
function rawWriter(zk: RawZk): KafkaWriter {
  return {
    async create(path, data, mode) {
      try {
        await zk.create(path, Buffer.from(data), mode === 'ephemeral' ? ZK.ZOO_EPHEMERAL : ZK.ZOO_PERSISTENT);
      } catch (e) {
        if (!(e instanceof Error && e.message.startsWith(`${ZK.ZNODEEXISTS} `))) throw e;
      }
    },
  };
}

/** A Kafka layout under its own chroot for the duration of `body`, removed afterwards. */
async function withKafka(zk: RawZk, options: SeedKafkaOptions, body: (root: string) => Promise<void>): Promise<void> {
  const root = uniqueRoot('kafka');
  await seedKafka(rawWriter(zk), { ...options, root });
  try {
    await body(root);
  } finally {
    await deleteTree(zk, root);
  }
}

const health = (page: Page) => page.getByRole('status', { name: 'Kafka health' });
const brokerRow = (page: Page, id: number) =>
  page.getByRole('region', { name: 'Brokers' }).getByRole('row', { name: new RegExp(`^Broker ${id}\\b`) });
const topicRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('the demo cluster: id, controller, three brokers, its topics, all linked to their znodes', async ({ page }) => {
  await page.goto(KAFKA_URL);
  await expect(page.getByRole('heading', { name: 'Kafka', level: 1 })).toBeVisible();
  await expect(health(page)).toContainText('Healthy');
  await expect(health(page)).toHaveAttribute('data-status', 'green');

  const cluster = page.getByRole('region', { name: 'Cluster' });
  await expect(cluster.getByRole('link', { name: DEMO_CLUSTER_ID })).toHaveAttribute('href', `/c/${CONNECTION}/browse/cluster/id`);
  await expect(cluster.getByRole('link', { name: 'Broker 1' })).toHaveAttribute('href', `/c/${CONNECTION}/browse/controller`);

  await expect(page.getByRole('region', { name: 'Brokers' }).getByRole('row')).toHaveCount(4); // header + 3
  for (const id of [1, 2, 3]) {
    const row = brokerRow(page, id);
    await expect(row).toContainText('Up');
    await expect(row).toContainText(`kafka-${id}.internal:9092`);
    await expect(row.getByRole('link', { name: `/brokers/ids/${id}` })).toHaveAttribute('href', `/c/${CONNECTION}/browse/brokers/ids/${id}`);
  }

  const topics = page.getByRole('region', { name: 'Topics' });
  await expect(topics.getByText(`${DEMO_TOPICS.length} topics`)).toBeVisible();
  for (const name of DEMO_TOPICS) await expect(topics.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(topicRow(page, 'orders').getByRole('cell').first()).toHaveText('6'); // partitions

  // Partitions on demand, each linked to its state znode.
  await page.getByRole('button', { name: 'Partitions of orders' }).click();
  const partitions = page.getByRole('table', { name: 'Partitions of orders' });
  await expect(partitions.getByRole('row')).toHaveCount(7);
  await expect(partitions.getByRole('link', { name: '/brokers/topics/orders/partitions/0/state' })).toBeVisible();
  await page.getByRole('button', { name: 'Partitions of orders' }).click();
  await expect(partitions).toBeHidden();

  // The filter narrows the list.
  await topics.getByRole('searchbox', { name: 'Filter topics' }).fill('pay');
  await expect(topics.getByText('1 of 5 topics')).toBeVisible();
  await expect(topics.getByRole('link', { name: 'orders', exact: true })).toBeHidden();

  // A topic's name opens its raw znode in the explorer.
  await topics.getByRole('link', { name: 'payments', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${CONNECTION}/browse/brokers/topics/payments$`));
  await expect(new ExplorerPage(page).heading).toHaveText('payments');
});

test('a broker down under a chroot: shown DOWN, its partitions flagged, malformed values listed with their znodes', async ({ page, zk }) => {
  await withKafka(
    zk,
    {
      clusterId: 'e2e-broken',
      brokerDown: [3],
      offlinePartition: [{ topic: 'orders', partition: 1 }],
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 3 },
        { name: 'payments', partitions: 2, replicationFactor: 2, config: { 'min.insync.replicas': '2' } },
      ],
      malformed: true,
    },
    async (root) => {
      // The root is chosen in the form and kept in the URL.
      await page.goto(KAFKA_URL);
      await expect(health(page)).toContainText('Healthy');
      await page.getByRole('textbox', { name: 'Kafka root' }).fill(root);
      await page.getByRole('button', { name: 'Load' }).click();
      await expect(page).toHaveURL(`${KAFKA_URL}?root=${encodeURIComponent(root)}`);

      await expect(health(page)).toHaveAttribute('data-status', 'red');
      await expect(health(page)).toContainText('Unhealthy');
      await expect(health(page)).toContainText('orders-1');
      await expect(health(page)).toContainText('Broker 3 is down');

      const down = brokerRow(page, 3);
      await expect(down).toContainText('DOWN');
      await expect(down).toContainText('Not registered');
      await expect(brokerRow(page, 1)).toContainText('Up');
      // The garbage registration still counts as a live broker, flagged as malformed.
      await expect(brokerRow(page, 4)).toContainText('malformed');

      const orders = topicRow(page, 'orders');
      await expect(orders).toContainText('1 offline');
      await expect(orders).toContainText('under-replicated');
      await orders.getByRole('button', { name: 'Partitions of orders' }).click();
      const partitions = page.getByRole('table', { name: 'Partitions of orders' });
      await expect(partitions.getByRole('row', { name: /^1\b/ })).toContainText('offline');
      await expect(partitions.getByRole('row', { name: /^1\b/ }).getByRole('cell').first()).toHaveText('none'); // leader
      await expect(partitions.getByRole('row', { name: /^0\b/ })).toContainText('(down)');

      // Undecodable values are shown as such, each with a link to its raw znode.
      const problems = page.getByRole('region', { name: 'Problems' });
      const clusterId = problems.getByRole('row').filter({ has: page.getByRole('link', { name: `${root}/cluster/id`, exact: true }) });
      await expect(clusterId).toContainText('not-json-cluster-id');
      await expect(problems.getByRole('link', { name: `${root}/brokers/topics/broken-json`, exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Cluster' })).toContainText('malformed value');

      // The URL alone brings the same view back.
      await page.reload();
      await expect(page.getByRole('textbox', { name: 'Kafka root' })).toHaveValue(root);
      await expect(brokerRow(page, 3)).toContainText('DOWN');
    },
  );
});

test('a root without Kafka says so, and an invalid root is named as the problem', async ({ page }) => {
  const empty = uniqueRoot('no-kafka');
  await page.goto(`${KAFKA_URL}?root=${encodeURIComponent(empty)}`);
  await expect(page.getByRole('status').filter({ hasText: `No Kafka layout found under ${empty}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Brokers' })).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Kafka root' }).fill('/kafka//bad');
  await page.getByRole('button', { name: 'Load' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid path' })).toBeVisible();
});

test('the view follows the cluster live: a broker leaving and a leader change show without a reload', async ({ page, zk }) => {
  await withKafka(zk, { clusterId: 'e2e-live', topics: [{ name: 'events', partitions: 1, replicationFactor: 3 }] }, async (root) => {
    await page.goto(`${KAFKA_URL}?root=${encodeURIComponent(root)}`);
    await expect(brokerRow(page, 2)).toContainText('Up');
    await expect(health(page)).toHaveAttribute('data-status', 'green');

    // Broker 2 deregisters (its ephemeral znode goes): well before the 15-s poll, it is DOWN.
    await zk.delete_(`${root}/brokers/ids/2`, -1);
    await expect(brokerRow(page, 2)).toContainText('DOWN', { timeout: 5000 });

    // The controller moves leadership of events-0 to broker 3 with a shrunken ISR.
    const state = { controller_epoch: 2, leader: 3, version: 1, leader_epoch: 7, isr: [3] };
    await zk.set(`${root}/brokers/topics/events/partitions/0/state`, Buffer.from(JSON.stringify(state)), -1);
    await page.getByRole('button', { name: 'Partitions of events' }).click();
    const row = page.getByRole('table', { name: 'Partitions of events' }).getByRole('row', { name: /^0\b/ });
    await expect(row.getByRole('cell').first()).toHaveText('3', { timeout: 5000 });
    await expect(row).toContainText('under-replicated');
  });
});

test('a cluster under a chroot: the page offers it, shows its brokers once chosen, and remembers it for the connection', async ({ page, request, zk, zkConnectString }) => {
  // A connection whose namespace has no Kafka at its top: a chrooted connect string.
  const base = uniqueRoot('kafka-chroot');
  await seedKafka(rawWriter(zk), { root: `${base}/kafka-prod`, brokers: 2 });
  const id = `chroot-${Date.now().toString(36)}`;
  try {
    const added = await request.post('/api/v1/connections', { data: { id, name: 'Chrooted Kafka', connectString: `${zkConnectString.split(',')[0]}${base}` } });
    expect(added.status()).toBe(201);
    await page.goto(`/c/${id}/kafka`);
    await expect(page.getByText('No Kafka layout found under /')).toBeVisible();
    const choices = page.getByRole('list', { name: /A Kafka cluster was found under a chroot/ });
    const choice = choices.getByRole('button', { name: /^\/kafka-prod/ });
    await expect(choice).toContainText('2 brokers');
    await choice.click();
    await expect(page).toHaveURL(new RegExp(`/c/${id}/kafka\\?root=%2Fkafka-prod$`));
    await expect(brokerRow(page, 1)).toBeVisible();
    await expect(brokerRow(page, 2)).toBeVisible();

    // Coming back without ?root= opens the chroot chosen last on this connection.
    await page.goto(`/c/${id}/kafka`);
    await expect(page).toHaveURL(/\?root=%2Fkafka-prod$/);
    await expect(page.getByRole('textbox', { name: 'Kafka root' })).toHaveValue('/kafka-prod');
    await expect(brokerRow(page, 2)).toBeVisible();
  } finally {
    const list = await request.get('/api/v1/connections');
    const version = ((await list.json()) as { connections: Array<{ id: string; version: number | null }> }).connections.find((c) => c.id === id)?.version;
    if (typeof version === 'number') await request.delete(`/api/v1/connections/${id}?version=${version}`);
    await deleteTree(zk, base);
  }
});
