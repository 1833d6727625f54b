import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as kafkaRoots from '@/app/api/v1/connections/[id]/kafka/roots/route';
import { findKafkaRoots } from '@/lib/kafka/find-roots';
import { sessionKafkaReader } from '@/lib/kafka/read';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { createNode } from '@/lib/zk/create-node';
import { isZkError } from '@/lib/zk/errors';
import { closeAllSessions } from '@/lib/zk/registry';
import { ZkSession } from '@/lib/zk/session';
import { startStandalone } from '@/scripts/lib/zk-server';
import { seedKafka, type KafkaWriter } from '@/scripts/lib/seed-kafka';
import { addRoute, api } from './support/api';

/** Kafka chroots found by a bounded scan, on a server of its own (a namespace nobody else writes). */
let server: Awaited<ReturnType<typeof startStandalone>>;
let session: ZkSession;
const saved = { ...process.env };

function writer(): KafkaWriter {
  return {
    async create(path, data, mode) {
      await session.run((h) => h.create(path, Buffer.from(data), CREATE_FLAGS[mode])).catch((e: unknown) => {
        if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
      });
    },
  };
}
const mkdirs = (path: string) => createNode(session, { path, data: Buffer.alloc(0), mode: 'persistent', parents: true });

beforeAll(async () => {
  server = await startStandalone();
  session = new ZkSession({ id: 'kafka-roots-test', name: 'kafka-roots-test', connectString: server.connectString, sessionTimeoutMs: 10_000, readOnly: false });
  await seedKafka(writer(), { root: '/kafka-prod', brokers: 3 });
  await seedKafka(writer(), { root: '/teams/eu/kafka-dev', brokers: 1 });
  // Not Kafka: a brokers node without ids, and a chroot deeper than the scan goes.
  await mkdirs('/apps/brokers/other');
  await seedKafka(writer(), { root: '/very/deep/down/kafka', brokers: 1 });
  // A wide node: only its first names are looked into.
  await mkdirs('/wide');
  await Promise.all(Array.from({ length: 250 }, (_, i) => mkdirs(`/wide/n${String(i).padStart(3, '0')}`)));
  await seedKafka(writer(), { root: '/wide/n249/kafka', brokers: 1 });

  const dir = mkdtempSync(join(tmpdir(), 'zooscope-kafka-roots-'));
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'chroots', name: 'Chroots', connectString: server.connectString }]));
  process.env.ZK_CONNECT = server.connectString;
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  addRoute(/^\/api\/v1\/connections\/([^/]+)\/kafka\/roots$/, kafkaRoots);
}, 60_000);

afterAll(async () => {
  session?.close();
  closeAllSessions();
  await server?.stop();
  process.env = saved;
});

describe('Kafka chroots', () => {
  it('finds the chroots holding brokers/ids in the first three levels, with their broker counts, and says where it stopped', async () => {
    const found = await findKafkaRoots(sessionKafkaReader(session));
    expect(found.roots).toEqual([
      { path: '/kafka-prod', brokers: 3 },
      { path: '/teams/eu/kafka-dev', brokers: 1 },
    ]);
    // /wide has 250 children: the 200 first were looked into, so the scan was not complete.
    expect(found.complete).toBe(false);
    expect(found.scanned).toBeLessThan(2_000);

    const wider = await findKafkaRoots(sessionKafkaReader(session), { maxChildren: 1_000 });
    expect(wider.roots.map((r) => r.path)).toEqual(['/kafka-prod', '/teams/eu/kafka-dev', '/wide/n249/kafka']);
    const deeper = await findKafkaRoots(sessionKafkaReader(session), { maxDepth: 4, maxChildren: 1_000 });
    expect(deeper.roots.map((r) => r.path)).toContain('/very/deep/down/kafka');
    expect(deeper.complete).toBe(true);
    // The listing budget bounds the scan however wide the namespace is.
    const tight = await findKafkaRoots(sessionKafkaReader(session), { maxChildren: 1_000, maxListings: 20 });
    expect(tight.scanned).toBeLessThanOrEqual(20);
    expect(tight.complete).toBe(false);
  }, 30_000);

  it('serves them at GET kafka/roots', async () => {
    const res = await api('GET', '/api/v1/connections/chroots/kafka/roots');
    expect(res.status).toBe(200);
    expect(res.body.roots.map((r: { path: string }) => r.path)).toEqual(['/kafka-prod', '/teams/eu/kafka-dev']);
  });
});
