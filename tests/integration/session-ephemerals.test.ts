/**
 * The ephemeral nodes of one session, from a server that refuses the four-letter `dump`
 * (Debian's default zoo.cfg whitelists only `srvr`): through the AdminServer where the connection
 * names it, and a clear message where nothing answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { sessionEphemerals } from '@/lib/ops/session-ephemerals';
import { describeSession } from '@/lib/zk/session-info';
import type { ZkSession } from '@/lib/zk/session';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { otherClient } from './support/live';

let server: StandaloneServer;
let owner: ZkSession;
let sessionId: string;

beforeAll(async () => {
  server = await startStandalone({ debianDefaults: true });
  owner = otherClient(server.connectString, 'owner');
  await owner.run((h) => h.create('/held', Buffer.alloc(0), CREATE_FLAGS.persistent));
  await owner.run((h) => h.create('/held/a', Buffer.alloc(0), CREATE_FLAGS.ephemeral));
  await owner.run((h) => h.create('/held/b', Buffer.alloc(0), CREATE_FLAGS.ephemeral));
  sessionId = (await describeSession(owner)).sessionId!;
});

afterAll(async () => {
  owner?.close();
  await server?.stop();
});

describe('a session’s ephemeral nodes', () => {
  it('come from the AdminServer when dump is not whitelisted', async () => {
    const adminUrl = `http://{host}:${server.adminPort}/commands`;
    expect(await sessionEphemerals(server.connectString, adminUrl, sessionId)).toEqual({
      session: `0x${sessionId.toLowerCase().replace(/^0x/, '').replace(/^0+(?=.)/, '')}`,
      source: 'admin-server',
      paths: ['/held/a', '/held/b'],
    });
  });

  it('say why when neither dump nor the AdminServer answers', async () => {
    const answer = await sessionEphemerals(server.connectString, 'http://{host}:1/commands', sessionId);
    expect(answer).toMatchObject({ source: null, paths: null });
    expect(answer.message).toMatch(/4lw\.commands\.whitelist.*adminUrl/);
  });
});
