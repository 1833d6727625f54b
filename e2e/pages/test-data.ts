/** Namespace set-up for journeys that need their own data: a unique root per test, made by a second client. */
import type { RawZk } from '../fixtures/zk';

const IN_FLIGHT = 256;

export function uniqueRoot(label: string): string {
  return `/e2e-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  return out;
}

/** Creates persistent nodes, parents first (shallower paths before deeper ones). */
export async function createAll(zk: RawZk, nodes: Array<[path: string, data?: string | Buffer]>): Promise<void> {
  const depths = [...new Set(nodes.map(([p]) => p.split('/').length))].sort((a, b) => a - b);
  for (const depth of depths) {
    await mapLimit(
      nodes.filter(([p]) => p.split('/').length === depth),
      ([path, data = '']) => zk.create(path, data, 0),
    );
  }
}

/** Deletes a subtree bottom-up (for data too large to leave behind on a shared server). */
export async function deleteTree(zk: RawZk, root: string): Promise<void> {
  const levels: string[][] = [[root]];
  for (;;) {
    const lists = await mapLimit(levels[levels.length - 1], async (p) => (await zk.get_children(p, false)).map((c) => `${p}/${c}`));
    const children = lists.flat();
    if (children.length === 0) break;
    levels.push(children);
  }
  for (const level of levels.reverse()) await mapLimit(level, (p) => zk.delete_(p, -1));
}

/** The value of a node as bytes, read by the second client. */
export async function readBytes(zk: RawZk, path: string): Promise<{ data: Buffer; version: number }> {
  const [stat, data] = await zk.get(path, false);
  return { data: Buffer.from(data ?? []), version: stat.version };
}

/** A node's ACL as the raw client reads it, perms as ZooKeeper's bit mask. */
export async function aclOf(zk: RawZk, path: string): Promise<Array<{ scheme: string; id: string; perms: number }>> {
  const [acl] = (await zk.get_acl(path)) as unknown as [Array<{ scheme: string; auth?: string; id?: string; perms: number }>];
  return acl.map((e) => ({ scheme: e.scheme, id: e.auth ?? e.id ?? '', perms: e.perms }));
}
