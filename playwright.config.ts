/**
 * End-to-end tests in Debian's Chromium against the production build (`next start`) and a real,
 * freshly seeded ZooKeeper.
 *
 * Playwright starts webServer before globalSetup, so ZooKeeper cannot come from globalSetup.
 * Instead the webServer command is scripts/start.ts, which starts ZooKeeper on a port chosen here,
 * seeds the demo namespace, builds if stale, then runs `next start` — and stops all of it when
 * Playwright ends the run. Ports are chosen once in the main process and passed through the
 * environment, because every worker process evaluates this file again and inherits that env.
 * With ZK_CONNECT set, the app and the tests use that ZooKeeper instead (it must hold the demo
 * namespace already).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './scripts/lib/deps';
import { freePortSync } from './scripts/lib/ports';

const env = process.env;
env.ZOOSCOPE_E2E_PORT ??= String(freePortSync());
if (!env.ZOOSCOPE_E2E_ZK_CONNECT) {
  if (env.ZK_CONNECT) {
    env.ZOOSCOPE_E2E_ZK_CONNECT = env.ZK_CONNECT;
  } else {
    env.ZOOSCOPE_E2E_ZK_PORT = String(freePortSync());
    env.ZOOSCOPE_E2E_ZK_CONNECT = `127.0.0.1:${env.ZOOSCOPE_E2E_ZK_PORT}`;
  }
}
const port = env.ZOOSCOPE_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const zkArgs = env.ZOOSCOPE_E2E_ZK_PORT ? ` --zk-port ${env.ZOOSCOPE_E2E_ZK_PORT} --zk-fresh` : '';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Specs import server modules (the ZooKeeper manager, the users file): 'server-only' maps to an empty module there.
  tsconfig: './e2e/tsconfig.json',
  fullyParallel: false,
  forbidOnly: Boolean(env.CI),
  // In CI a test that failed is run once more (and still reported as flaky), never silently.
  retries: process.env.CI ? 1 : 0,
  // Most of a journey's time is spent waiting on the app and ZooKeeper, not on the CPU: a third
  // worker shortens the run on two cores.
  workers: 3,
  reporter: 'list',
  // Generous: a long journey on a loaded CI machine must not fail for time (tests assert behaviour, not speed).
  timeout: 60_000,
  // Stops a hung run; a full run takes about 9 minutes here, and CI machines have been 1.7× slower.
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  use: {
    // The existing specs find elements by their English names: the browser asks for English.
    locale: 'en-US',
    baseURL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node_modules/.bin/tsx --conditions=react-server scripts/start.ts${zkArgs}`,
    url: `${baseURL}/`,
    // No launch token for the shared server (e2e/security.spec.ts checks it on a server of its own).
    env: { PORT: port, HOSTNAME: '127.0.0.1', ZOOSCOPE_LAUNCH_TOKEN: 'off' },
    reuseExistingServer: false,
    // Covers a `next build` when the build is stale plus ZooKeeper start and demo seeding.
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets start.ts stop Next, then ZooKeeper, and delete the throwaway data.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
