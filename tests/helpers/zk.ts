/** What integration tests need to reach the ZooKeeper the global setup started. */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** Connect string of the test ZooKeeper (tests/setup/zookeeper.ts). */
export function testConnectString(): string {
  const connectString = inject('zkConnectString');
  if (!connectString) throw new Error('No test ZooKeeper: run integration tests with vitest --project integration');
  return connectString;
}

/**
 * A root path no other test file uses (files run in parallel against one server), e.g.
 * "/test-ops-lx2k9f-3be1". Not created: the caller creates it (with its parents if nested).
 */
export function uniqueRoot(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'root';
  return `/test-${slug}-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
}
