/**
 * What a sign-in session holds ends with it (issue 14, item 7): signing out, a removed user and a
 * timeout end the session's event streams, and a timeout releases its ZooKeeper credentials at
 * once, not at the next sweep.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/v1/connections/[id]/events/route';
import { hashPassword } from '@/lib/auth/password';
import { removeUser, upsertUser } from '@/lib/auth/users';
import { RECHECK_MS } from '@/lib/services/live/stream-lifetime';
import { closeAllSessions, listSessions } from '@/lib/zk/registry';
import { testConnectString } from '../helpers/zk';
import { Browser } from './support/browser';
import { waitFor } from './support/live';

const saved = { ...process.env };
let usersFile: string;
const PASSWORD = 'stream-owner-pass-1';

async function signedIn(name: string): Promise<Browser> {
  upsertUser(usersFile, { name, role: 'viewer', hash: await hashPassword(PASSWORD) });
  const browser = new Browser();
  expect((await browser.call('POST', '/api/v1/session', { username: name, password: PASSWORD })).status).toBe(200);
  return browser;
}

/** Opens the event stream as this browser; `ended` resolves when the server closes it. */
async function openStream(browser: Browser): Promise<{ hello: Promise<void>; ended: Promise<void> }> {
  const request = new Request('http://127.0.0.1:3000/api/v1/connections/default/events', { headers: { accept: 'text/event-stream', cookie: browser.cookie } });
  const response = await eventsRoute.GET(request, { params: Promise.resolve({ id: 'default' }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let sawHello!: () => void;
  const hello = new Promise<void>((r) => (sawHello = r));
  const ended = (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (decoder.decode(value).includes('event: hello')) sawHello();
    }
  })();
  return { hello, ended };
}

const within = (ms: number, what: string, p: Promise<unknown>) =>
  Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-stream-life-'));
  usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'placeholder', role: 'admin', hash: 'scrypt$1024$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
  process.env.ZOOSCOPE_USERS_FILE = usersFile;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  delete process.env.ZOOSCOPE_CONFIG;
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('event streams end with the sign-in session', () => {
  it('on sign-out, at once', async () => {
    const browser = await signedIn('sally');
    const stream = await openStream(browser);
    await within(5000, 'hello', stream.hello);
    expect((await browser.call('DELETE', '/api/v1/session')).status).toBe(204);
    await within(1000, 'the stream ending', stream.ended);
  });

  it('when the user is removed from the users file, within the re-check interval', async () => {
    const browser = await signedIn('rita');
    const stream = await openStream(browser);
    await within(5000, 'hello', stream.hello);
    removeUser(usersFile, 'rita');
    await within(RECHECK_MS + 2000, 'the stream ending', stream.ended);
  });

  it('when the session times out, releasing its ZooKeeper credentials at that moment', async () => {
    process.env.ZOOSCOPE_SESSION_IDLE_SECONDS = '2';
    try {
      const browser = await signedIn('tim');
      expect((await browser.call('POST', '/api/v1/connections/default/auth', { scheme: 'digest', credential: 'tim:zk-secret-1' })).status).toBe(201);
      const stream = await openStream(browser);
      await within(5000, 'hello', stream.hello);
      const authenticated = () => listSessions().filter((s) => s.connectionId === 'default' && s.authenticated).length;
      expect(authenticated()).toBe(1);
      const idleSince = Date.now();
      await within(4000, 'the stream ending', stream.ended);
      await waitFor('the credentials released', () => authenticated() === 0, 1000);
      // Released when the idle timeout passed, not up to a minute later.
      expect(Date.now() - idleSince).toBeLessThan(3000);
    } finally {
      delete process.env.ZOOSCOPE_SESSION_IDLE_SECONDS;
    }
  });
});
