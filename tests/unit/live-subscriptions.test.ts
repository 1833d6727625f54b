import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/client/api-client';
import { LiveSubscriptions } from '@/lib/client/live-subscriptions';
import { nodeQuery } from '@/lib/client/nodes';
import type { SubscriptionsAnswer } from '@/lib/shared/events';
import type { NodeResponse } from '@/lib/shared/wire';
import { stat } from '../helpers/stat';

const conn = 'c';
const path = '/party/m3';
const node: NodeResponse = { path, stat: stat({ czxid: 30, mzxid: 30 }), data: { base64: 'eA==', text: 'x', format: 'text', size: 1 } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's answer to the subscription, once `delay` resolves: armed when the node was back. */
function answerSubscriptions(delay: Promise<void>): { sent: boolean } {
  const answer: SubscriptionsAnswer = { stream: 's', subscriptions: 1, added: [{ path, kind: 'data', exists: true, stat: node.stat }], failed: [] };
  const state = { sent: false };
  vi.stubGlobal('fetch', async () => {
    await delay;
    state.sent = true;
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  });
  return state;
}

function setup(fetchNode: () => Promise<NodeResponse>) {
  const client = new QueryClient();
  const live = new LiveSubscriptions({ connection: conn, client, stream: () => 's', report: () => {}, streamLost: () => {}, nodeGone: () => {}, isStopped: () => false });
  live.start();
  const observer = new QueryObserver(client, { ...nodeQuery(conn, path), queryFn: fetchNode, retry: false });
  const stop = observer.subscribe(() => {});
  return { client, done: () => (stop(), live.stop()) };
}

afterEach(() => void vi.unstubAllGlobals());

describe('live subscriptions', () => {
  // A node recreated between a fetch and its watch (a kazoo Party member leaving and joining again).
  for (const order of ['fetch fails, then the watch answers', 'the watch answers, then the fetch fails']) {
    it(`fetches again a node that was missing when read but exists when watched: ${order}`, async () => {
      let release!: () => void;
      const answered = new Promise<void>((r) => (release = r));
      const answer = answerSubscriptions(answered);
      let reads = 0;
      let failRead!: () => void;
      const firstFails = new Promise<void>((r) => (failRead = r));
      const { client, done } = setup(async () => {
        if (reads++ > 0) return node;
        await firstFails;
        throw new ApiError('NO_NODE', 'gone', 404, path);
      });
      if (order.startsWith('fetch')) {
        failRead();
        await sleep(50);
        release();
      } else {
        release();
        await vi.waitFor(() => expect(answer.sent).toBe(true));
        await sleep(10);
        failRead();
      }
      await vi.waitFor(() => expect(client.getQueryData(nodeQuery(conn, path).queryKey)).toEqual(node), { timeout: 1000 });
      done();
    });
  }
});
