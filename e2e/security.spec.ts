/**
 * Request hardening against the built app (issue 14, items 3, 4, 8, 9 and the low ones): the
 * security headers on every kind of answer and a page that runs under its CSP, framing refused,
 * TRACE/oversized/malformed/cross-site requests answered with the envelope, slow senders cut
 * off, the open redirect after sign-in, local mode's socket check and launch token, and the ACL
 * editor's typed confirmation.
 */
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { startExtraServer, type ExtraServer } from './fixtures/extra-server';
import { expect, test } from './fixtures/zk';
import { ExplorerPage } from './pages/explorer-page';
import { createAll, uniqueRoot } from './pages/test-data';

const FIXED = { 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** A raw HTTP/1.1 request (fetch cannot send TRACE): status, headers and body. */
function raw(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('every kind of answer carries the security headers', async ({ request, baseURL }) => {
  const page = await request.get('/c/default/browse');
  const api = await request.get('/api/v1/connections');
  const refused = await raw(`${baseURL}/api/v1/connections`, 'GET', { 'sec-fetch-site': 'cross-site' });
  const html = await page.text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)![0];
  const statics = [await request.get(asset), await request.get('/icon.svg'), await request.get('/favicon.ico')];
  const missing = await request.get('/no-such-page');
  for (const res of [page, api, missing, ...statics]) {
    expect(res.headers(), res.url()).toMatchObject(FIXED);
    expect(res.headers()['content-security-policy'], res.url()).toContain("frame-ancestors 'none'");
  }
  expect(refused.headers).toMatchObject(FIXED);
  const csp = page.headers()['content-security-policy'];
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(html).toContain(`nonce="${nonce}"`);
  expect((await request.get('/c/default/browse')).headers()['content-security-policy']).not.toContain(nonce); // fresh per answer
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('the explorer runs under its CSP (theme script included) and cannot be framed', async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/c/default/browse/apps');
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/light|dark/); // next-themes' inline script ran
  expect(violations).toEqual([]);

  // Chromium shows its error page in place of a document whose frame-ancestors refuse the framer.
  await page.setContent(`<iframe title="framed" src="${baseURL}/c/default/browse"></iframe>`);
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
});

test('TRACE, oversized bodies, malformed cookies and cross-site reads get typed answers', async ({ baseURL }) => {
  const trace = await raw(`${baseURL}/api/v1/connections`, 'TRACE');
  expect(trace.status).toBe(405);
  expect(JSON.parse(trace.body).error.code).toBe('METHOD_NOT_ALLOWED');
  expect(trace.headers.allow).toMatch(/GET/);

  const big = JSON.stringify({ path: '/x', data: { text: 'a'.repeat(9 * 1024 * 1024) } });
  const tooLarge = await raw(`${baseURL}/api/v1/connections/default/node`, 'POST', { 'content-type': 'application/json' }, big);
  expect([tooLarge.status, JSON.parse(tooLarge.body).error.code]).toEqual([413, 'DATA_TOO_LARGE']);
  const chunked = await raw(`${baseURL}/api/v1/connections/default/node`, 'POST', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, big);
  expect([chunked.status, JSON.parse(chunked.body).error.code]).toEqual([413, 'DATA_TOO_LARGE']);

  const cookie = await raw(`${baseURL}/api/v1/connections`, 'GET', { cookie: 'zooscope_session=%E0%A4%A' });
  expect([cookie.status, JSON.parse(cookie.body).error.code]).toEqual([400, 'INVALID_REQUEST']);

  const crossSite = await raw(`${baseURL}/api/v1/connections/default/subtree?path=/`, 'GET', { 'sec-fetch-site': 'cross-site' });
  expect([crossSite.status, JSON.parse(crossSite.body).error.code]).toEqual([403, 'FORBIDDEN']);
});

test('a client that sends its headers slowly is cut off within seconds', async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const started = Date.now();
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('close', () => resolve(text));
  });
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(Date.now() - started).toBeLessThan(8000);
});

test.describe('local mode on a non-loopback socket, with a launch token', () => {
  let server: ExtraServer;
  const secret = 'e2e-launch-token-0123456789';
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  test.beforeAll(async ({ zkConnectString }) => {
    server = await startExtraServer(zkConnectString, { ZOOSCOPE_LAUNCH_SECRET: secret }, '0.0.0.0');
  });
  test.afterAll(() => server?.stop());

  test('refuses a connection that arrived on another address, whatever Host says', async () => {
    expect(external, 'this machine needs a non-loopback IPv4 address').toBeTruthy();
    const res = await raw(`http://${external}:${server.port}/api/v1/session`, 'GET', { host: `127.0.0.1:${server.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toMatch(new RegExp(`arrived on ${external!.replace(/\./g, '\\.')}`));
  });

  test('serves only the launch token holder, taking the token out of the address', async ({ page }) => {
    const without = await raw(`${server.url}/c/default/browse`, 'GET');
    expect([without.status, JSON.parse(without.body).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await raw(`${server.url}/?token=wrong`, 'GET')).status).toBe(401);
    await page.goto(`${server.url}/c/default/browse/apps?token=${secret}`);
    await expect(page).toHaveURL(`${server.url}/c/default/browse/apps`);
    await expect(page.getByRole('tree')).toBeVisible();
    expect((await page.request.get(`${server.url}/api/v1/connections`)).status()).toBe(200);
  });
});

test('sign-in never redirects off the site (next=/%09/evil.example)', async ({ page, zkConnectString }) => {
  // A server of its own and four sign-ins at scrypt N = 2^17.
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-e2e-redirect-'));
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'rae', role: 'viewer', hash: await hashPassword('rae-e2e-password') });
  const server = await startExtraServer(zkConnectString, { ZOOSCOPE_USERS_FILE: usersFile, ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite') });
  try {
    for (const next of ['/%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%5Cevil.example']) {
      await page.context().clearCookies();
      await page.goto(`${server.url}/signin?next=${next}`);
      await page.getByRole('textbox', { name: 'User name' }).fill('rae');
      await page.getByLabel('Password').fill('rae-e2e-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Signed in and sent on to "/" (then to the first connection), not to evil.example.
      await expect(page).toHaveURL(`${server.url}/c/default/browse`);
      // Signed in, the sign-in page itself redirects (proxy.ts): on the site too.
      const again = await page.request.get(`${server.url}/signin?next=${next}`, { maxRedirects: 0 });
      expect(again.status()).toBe(307);
      expect(new URL(again.headers().location, server.url).href).toBe(`${server.url}/`);
    }
  } finally {
    server.stop();
  }
});

test('the ACL editor asks for the path before taking away our own admin permission', async ({ page, zk }) => {
  const path = uniqueRoot('acl-confirm');
  await createAll(zk, [[path, 'v']]);
  await new ExplorerPage(page).goto(path);
  await page.getByRole('button', { name: 'Edit ACL' }).click();
  const dialog = page.getByRole('dialog', { name: `ACL of ${path}` });
  await dialog.getByRole('checkbox', { name: 'admin for world:anyone' }).uncheck();
  await dialog.getByRole('button', { name: 'Save ACL' }).click();
  const confirm = dialog.getByRole('group', { name: 'Confirm the ACL change' });
  await expect(confirm).toContainText('No entry gives admin (a) to an identity this dashboard session holds');
  const button = confirm.getByRole('button', { name: 'Confirm and save' });
  await expect(button).toBeDisabled();
  await confirm.getByRole('textbox', { name: `Type ${path} to confirm` }).fill(path);
  await button.click();
  await expect(page.getByText(`Saved the ACL of ${path}`)).toBeVisible();
  const [acl] = (await zk.get_acl(path)) as unknown as [Array<{ perms: number }>];
  expect(acl.map((e) => e.perms)).toEqual([15]);
});
