/**
 * The demo namespace `npm start` shows on its embedded ZooKeeper. Idempotent: existing nodes are
 * left alone, missing ones (ephemeral brokers after a restart, say) are created again.
 * The returned session must stay open for the ephemeral broker registrations to stay alive.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { ZkSession } from '@/lib/zk/session';
import { seedKafka } from './seed-kafka';

export const DEMO_DIGEST_USER = 'operator';
export const DEMO_DIGEST_PASSWORD = 'zooscope-demo';
export const DEMO_LARGE_CHILDREN = 10_000;

type Mode = keyof typeof CREATE_FLAGS;

function digestId(user: string, password: string): string {
  return `${user}:${createHash('sha1').update(`${user}:${password}`).digest('base64')}`;
}

const ORDERS_JSON = {
  service: 'orders',
  replicas: 3,
  database: { host: 'db.internal', port: 5432, pool: { min: 2, max: 20 } },
  features: { checkoutV2: true, fraudCheck: 'shadow' },
  owners: ['team-commerce@example.com'],
};

const PAYMENTS_YAML = `service: payments
replicas: 2
providers:
  - name: stripe
    timeoutMs: 3000
  - name: adyen
    timeoutMs: 5000
retry:
  attempts: 3
  backoff: exponential
`;

const LOG4J_PROPERTIES = `# Logging for the inventory service
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.org.apache.zookeeper=WARN
`;

const SEARCH_XML = `<?xml version="1.0" encoding="UTF-8"?>
<search-config version="2">
  <index name="products" shards="6" replicas="1"/>
  <analyzer language="en" stemming="true"/>
  <cache ttl="PT5M" size="512MB"/>
</search-config>
`;

/** Bytes that are not UTF-8: a little binary header with a NUL and high bytes. */
const BINARY_VALUE = Buffer.from([0x89, 0x5a, 0x4b, 0x00, 0x01, 0xff, 0xfe, 0x10, 0x20, 0xc3, 0x28, 0x7f, 0x80, 0x00, 0x42, 0x99]);

export interface SeedResult {
  session: ZkSession;
  created: number;
}

export async function seedDemo(connectString: string): Promise<SeedResult> {
  const session = new ZkSession({ id: 'seed', name: 'seed', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  let created = 0;

  async function create(path: string, data: Buffer | string = '', mode: Mode = 'persistent', ttlMs?: number): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      await session.run((h) => h.create(path, bytes, CREATE_FLAGS[mode], ttlMs));
      created++;
    } catch (e) {
      if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
    }
  }

  await seedKafka(
    { create: (path: string, data: Buffer | string, mode: 'persistent' | 'ephemeral') => create(path, data, mode) },
    { root: '/', clusterId: 'Zq3xG7bVQmK0pLr2sT9wYA', brokers: 3 },
  );

  await create('/apps', 'Application configuration, one child per service');
  await create('/apps/orders');
  await create('/apps/orders/config.json', JSON.stringify(ORDERS_JSON, null, 2));
  await create('/apps/payments');
  await create('/apps/payments/config.yaml', PAYMENTS_YAML);
  await create('/apps/inventory');
  await create('/apps/inventory/log4j.properties', LOG4J_PROPERTIES);
  await create('/apps/search');
  await create('/apps/search/config.xml', SEARCH_XML);
  await create('/apps/binary', BINARY_VALUE);
  await create('/apps/compressed', gzipSync(Buffer.from(JSON.stringify({ compressed: true, ...ORDERS_JSON }, null, 2))));
  await create('/apps/readme', 'Plain text: this namespace is the Zooscope demo. Edit anything.');
  await create('/apps/empty');

  // A work queue with sequential children (names end in a 10-digit counter).
  await create('/apps/queue');
  const queue = await session.run((h) => h.children('/apps/queue'));
  for (let i = queue.children.length; i < 5; i++) {
    await create('/apps/queue/task-', JSON.stringify({ job: 'reindex', shard: i }), 'persistent_sequential');
  }

  // A container node: the server removes it once its last child is gone.
  await create('/apps/locks', '', 'container');
  await create('/apps/locks/orders-lock', 'held by orders-1');
  // A TTL node (needs -Dzookeeper.extendedTypesEnabled=true on the server).
  await create('/apps/cache-entry', 'expires a day after its last change while it has no children', 'ttl', 24 * 3600 * 1000).catch(() => undefined);

  // A node with many children, for the large-namespace views.
  await create('/apps/large', `${DEMO_LARGE_CHILDREN} children`);
  const existing = new Set((await session.run((h) => h.children('/apps/large'))).children);
  const missing: string[] = [];
  for (let i = 0; i < DEMO_LARGE_CHILDREN; i++) {
    const name = `item-${String(i).padStart(5, '0')}`;
    if (!existing.has(name)) missing.push(name);
  }
  await mapLimit(missing, 256, (name) => create(`/apps/large/${name}`, `value of ${name}`));

  // A digest-protected node: readable only after adding the demo credentials.
  const secured = await session.run((h) => h.exists('/secure'));
  if (!secured) {
    await create('/secure', 'Only the demo operator can read this.');
    await create('/secure/db-password', 'correct-horse-battery-staple');
    const acl = [{ scheme: 'digest', auth: digestId(DEMO_DIGEST_USER, DEMO_DIGEST_PASSWORD), perms: 31 }];
    await session.run((h) => h.setAcl('/secure/db-password', -1, acl));
    await session.run((h) => h.setAcl('/secure', -1, acl));
  }

  return { session, created };
}
