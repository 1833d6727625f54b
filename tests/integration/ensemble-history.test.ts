import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnsembleStatus } from '@/lib/ops/ensemble';
import { getEnsembleHistory, historyFill, HISTORY_INTERVAL_MS, HISTORY_WINDOW_MS, isSampling, stopEnsembleHistory } from '@/lib/ops/ensemble-history';
import { closeAllSessions } from '@/lib/zk/registry';
import { api } from './support/api';
import { testConnectString } from '../helpers/zk';

/** The ensemble charts' history: kept on the server from a connection's first visit, bounded. */
const saved = { ...process.env };
const CONNECTION = `history-${Date.now().toString(36)}`;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-history-'));
  const configFile = join(dir, 'connections.json');
  writeFileSync(configFile, JSON.stringify([{ id: CONNECTION, name: 'History', connectString: testConnectString() }]));
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_CONFIG = configFile;
});

afterAll(() => {
  stopEnsembleHistory();
  closeAllSessions();
  process.env = saved;
});

describe('ensemble history', () => {
  it('samples from the first visit of a connection, so a new client asking later gets a filled history', async () => {
    expect(isSampling(CONNECTION)).toBe(false);
    // Any page of the connection polls its session: that visit starts the sampler.
    const visitedAt = Date.now();
    expect((await api('GET', `/api/v1/connections/${CONNECTION}/session`)).status).toBe(200);
    expect(isSampling(CONNECTION)).toBe(true);
    await new Promise((r) => setTimeout(r, HISTORY_INTERVAL_MS + 1_500));

    // Another client, never seen before, opens the ensemble page: points from before it asked.
    const askedAt = Date.now();
    const res = await api('GET', `/api/v1/connections/${CONNECTION}/ensemble/history`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intervalMs: HISTORY_INTERVAL_MS, windowMs: HISTORY_WINDOW_MS, servers: [testConnectString()] });
    expect(res.body.samples.length).toBeGreaterThanOrEqual(2);
    expect(res.body.samples[0].t).toBeGreaterThanOrEqual(visitedAt);
    expect(res.body.samples[0].t).toBeLessThan(askedAt - HISTORY_INTERVAL_MS + 1_000);
    expect(res.body.samples.at(-1).servers[0]).toMatchObject({ reachable: true });
    expect(typeof res.body.samples.at(-1).servers[0].znodes).toBe('number');
  }, 30_000);

  it('keeps one window of samples per connection however long it runs', async () => {
    const key = 'history-bound';
    const probe = () => getEnsembleStatus(testConnectString());
    const options = { intervalMs: 20, windowMs: 100, idleMs: 10_000 };
    await getEnsembleHistory(key, probe, options);
    // Six slots (100 ms / 20 ms, plus the one being replaced); dozens of polls go through them.
    await expect.poll(() => historyFill(key)?.stored, { timeout: 5_000 }).toBe(6);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(historyFill(key)).toEqual({ stored: 6, capacity: 6 });
    const { samples } = await getEnsembleHistory(key, probe, options);
    expect(samples.length).toBeLessThanOrEqual(6);
    expect(Date.now() - samples[0].t).toBeLessThan(1_000);
    stopEnsembleHistory(key);
    expect(historyFill(key)).toBeUndefined();
  }, 20_000);
});
