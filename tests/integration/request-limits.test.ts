/**
 * Limits on what one session can make the server do (issue 14, low items): concurrent subtree
 * counts per session, and request bodies over the limit answered 413 even without a
 * Content-Length (what a route sees after Next truncated one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@/lib/api/request-limits';
import { MAX_HEAVY_READS } from '@/lib/services/heavy-reads';
import { closeAllSessions } from '@/lib/zk/registry';
import { uniqueRoot } from '../helpers/zk';
import { Browser, enc } from './support/browser';
import { useLocalMode } from './support/local-mode';

const saved = { ...process.env };
const NODE = '/api/v1/connections/default/node';
let root: string;
const browser = new Browser();

beforeAll(async () => {
  useLocalMode('limits');
  root = uniqueRoot('limits');
  expect((await browser.call('POST', NODE, { path: `${root}/a/b`, parents: true })).status).toBe(201);
  // Gives this browser a session of its own (credentials are per session).
  expect((await browser.call('POST', '/api/v1/connections/default/auth', { scheme: 'digest', credential: 'lim:it-1' })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('heavy reads', () => {
  it(`run at most ${MAX_HEAVY_READS} at once per session; more are refused with 429`, async () => {
    const count = () => browser.call('GET', `/api/v1/connections/default/subtree?path=${enc(root)}`);
    const answers = await Promise.all(Array.from({ length: MAX_HEAVY_READS + 3 }, count));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(MAX_HEAVY_READS).fill(200), 429, 429, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/subtree counts can run at once per session/) });
    expect(answers.find((a) => a.status === 200)!.body.count).toBe(3);
    // Another session is not held up by this one.
    expect((await new Browser().call('GET', `/api/v1/connections/default/subtree?path=${enc(root)}`)).status).toBe(200);
    // Once they finish, counting works again.
    expect((await count()).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('over the limit answer 413 DATA_TOO_LARGE, not "not valid JSON"', async () => {
    const big = JSON.stringify({ path: `${root}/big`, data: { text: 'a'.repeat(MAX_BODY_BYTES) } });
    const res = await browser.call('POST', NODE, big);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 413, code: 'DATA_TOO_LARGE' });
    expect((await browser.call('GET', `${NODE}?path=${enc(`${root}/big`)}`)).status).toBe(404);
  });
});
