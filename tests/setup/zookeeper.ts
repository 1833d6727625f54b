/**
 * Global setup of the integration project: one real standalone ZooKeeper (TTL nodes enabled) on
 * free loopback ports for every test file; its connect string reaches tests via inject().
 */
import type { TestProject } from 'vitest/node';
import { startStandalone } from '../../scripts/lib/zk-server';

declare module 'vitest' {
  export interface ProvidedContext {
    zkConnectString: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Expired TTL nodes and empty containers are removed within a second instead of a minute.
  const server = await startStandalone({ ttl: true, containerCheckIntervalMs: 1000 });
  project.provide('zkConnectString', server.connectString);
  return () => server.stop();
}
