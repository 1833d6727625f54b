import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_WINDOW_MS } from '@/lib/ops/ensemble-history';
import { closeAllSessions } from '@/lib/zk/registry';
import { seedKafka } from '@/scripts/lib/seed-kafka';
import { api, enc } from './support/api';
import { testConnectString, uniqueRoot } from '../helpers/zk';

let root: string;
const saved = { ...process.env };

async function create(path: string, data: Buffer | string = '', mode: 'persistent' | 'ephemeral' = 'persistent') {
  const body = { path, mode, parents: true, data: { base64: Buffer.from(data).toString('base64') } };
  const res = await api('POST', '/api/v1/connections/default/node', body);
  if (res.status !== 201 && res.body?.error?.code !== 'NODE_EXISTS') throw new Error(JSON.stringify(res.body));
}

beforeAll(async () => {
  process.env.ZK_CONNECT = testConnectString();
  delete process.env.ZOOSCOPE_CONFIG;
  root = uniqueRoot('opsapi');
  await seedKafka({ create }, { root: `${root}/kafka`, clusterId: 'opsApiCluster', brokers: 3, brokerDown: [3] });
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('operations API', () => {
  it('reports a standalone server as one healthy member', async () => {
    const res = await api('GET', '/api/v1/connections/default/ensemble');
    expect(res.status).toBe(200);
    expect(res.body.servers).toHaveLength(1);
    expect(res.body.servers[0]).toMatchObject({ address: testConnectString(), reachable: true, mode: 'standalone' });
    expect(res.body.servers[0].version).toMatch(/^3\.8/);
    expect(res.body.servers[0].znodes).toBeGreaterThan(5);
    expect(res.body.health.status).toBe('green');
  });

  it('judges latency against ZOOSCOPE_LATENCY_WARN_MS, and against 100 ms when it is not a positive number', async () => {
    try {
      process.env.ZOOSCOPE_LATENCY_WARN_MS = '250';
      expect((await api('GET', '/api/v1/connections/default/ensemble')).body.health.latencyThresholdMs).toBe(250);
      process.env.ZOOSCOPE_LATENCY_WARN_MS = 'slow';
      expect((await api('GET', '/api/v1/connections/default/ensemble')).body.health.latencyThresholdMs).toBe(100);
    } finally {
      delete process.env.ZOOSCOPE_LATENCY_WARN_MS;
    }
  });

  it('serves an ensemble history that starts with a sample', async () => {
    const res = await api('GET', '/api/v1/connections/default/ensemble/history');
    expect(res.status).toBe(200);
    expect(res.body.windowMs).toBe(HISTORY_WINDOW_MS);
    expect(Array.isArray(res.body.samples)).toBe(true);
  });

  it('decodes the Kafka layout under a chroot and finds the broker that is down', async () => {
    const res = await api('GET', `/api/v1/connections/default/kafka?root=${enc(`${root}/kafka`)}`);
    expect(res.status).toBe(200);
    const kafka = res.body.kafka;
    expect(kafka.clusterId).toBe('opsApiCluster');
    expect(kafka.brokers.map((b: { id: number }) => b.id).sort()).toEqual([1, 2]);
    expect(kafka.topics.length).toBeGreaterThan(0);
    expect(kafka.health.underReplicatedPartitions.length + kafka.health.offlinePartitions.length).toBeGreaterThan(0);
  });

  it('answers kafka: null where there is no Kafka, and INVALID_PATH for a bad root', async () => {
    await create(`${root}/empty`);
    expect((await api('GET', `/api/v1/connections/default/kafka?root=${enc(`${root}/empty`)}`)).body).toEqual({ kafka: null });
    expect((await api('GET', `/api/v1/connections/default/kafka?root=nope`)).body.error.code).toBe('INVALID_PATH');
  });

  it("lists the dashboard's own sessions with the ephemeral nodes they own", async () => {
    const eph = await api('POST', '/api/v1/connections/default/node', { path: `${root}/mine`, mode: 'ephemeral' });
    expect(eph.status).toBe(201);
    // `dump` is costly on a large server: only when asked for.
    const plain = (await api('GET', '/api/v1/sessions')).body.sessions.find((s: { connectionId: string }) => s.connectionId === 'default');
    expect(plain).toMatchObject({ state: 'connected', ephemerals: null, ephemeralsAsked: false });
    const res = await api('GET', '/api/v1/sessions?ephemerals=true');
    expect(res.status).toBe(200);
    const own = res.body.sessions.find((s: { connectionId: string }) => s.connectionId === 'default');
    expect(own).toMatchObject({ state: 'connected', server: testConnectString(), ephemeralsAsked: true });
    expect(own.ephemerals).toContain(`${root}/mine`);
  });
});
