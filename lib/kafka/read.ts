import 'server-only';
import { isZkError, ZkError } from '@/lib/zk/errors';
import { isTransient } from '@/lib/shared/errors';
import { checkPath, joinPath } from '@/lib/shared/path';
import type { ZkSession } from '@/lib/zk/session';
import type { ZkStat } from '@/lib/shared/types';
import { decodeKafka } from './decode';
import type { KafkaSnapshot, SnapshotNode } from './snapshot';
import type { KafkaProblem, KafkaResult } from '@/lib/shared/kafka';

/** Read access to the znodes; null means "no such node". */
export interface KafkaReader {
  get(path: string): Promise<{ data: Buffer; stat: ZkStat } | null>;
  children(path: string): Promise<string[] | null>;
}

export interface ReadKafkaOptions {
  /** Reads in flight at once. Default 16. */
  concurrency?: number;
}

/** Failures that mean the session is unusable: the whole read fails rather than half a model. */
const fatal = (code: string) => isTransient(code) || code === 'UNKNOWN_CONNECTION' || code === 'INTERNAL';

function limiter(concurrency: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

/**
 * Reads the Kafka layout under `root` ("/" or a chroot such as "/kafka") and decodes it.
 * Returns {kafka: null} when there is no `<root>/brokers`. A znode that cannot be read for its
 * own reasons (e.g. an ACL) is recorded as a problem; a lost session fails the whole read.
 */
export async function readKafka(reader: KafkaReader, root = '/', options: ReadKafkaOptions = {}): Promise<KafkaResult> {
  const base = root.length > 1 ? root.replace(/\/+$/, '') || '/' : root;
  const check = checkPath(base);
  if (!check.ok) throw new ZkError('INVALID_PATH', `Invalid Kafka root: ${check.reason}`, root);
  const run = limiter(options.concurrency ?? 16);
  const problems: KafkaProblem[] = [];
  const at = (rel: string) => joinPath(base, rel);

  const guard = async <T>(path: string, read: () => Promise<T | null>): Promise<T | null> => {
    try {
      return await run(read);
    } catch (e) {
      if (!isZkError(e) || fatal(e.code)) throw e;
      problems.push({ path, code: 'cannotRead', params: { reason: e.message }, message: `Cannot read: ${e.message}` });
      return null;
    }
  };
  const node = async (rel: string): Promise<SnapshotNode | null> => {
    const path = at(rel);
    const r = await guard(path, () => reader.get(path));
    return r && { data: r.data.toString('utf8'), stat: { ctime: r.stat.ctime } };
  };
  const list = async (rel: string): Promise<string[]> => {
    const path = at(rel);
    return ((await guard(path, () => reader.children(path))) ?? []).sort();
  };

  const brokersRoot = await guard(at('brokers'), () => reader.children(at('brokers')));
  if (brokersRoot === null) return { kafka: null };

  const [clusterId, controller, controllerEpoch, reassignPartitions, brokerIds, topicNames, configNames, pendingDeletion] =
    await Promise.all([
      node('cluster/id'),
      node('controller'),
      node('controller_epoch'),
      node('admin/reassign_partitions'),
      list('brokers/ids'),
      list('brokers/topics'),
      list('config/topics'),
      list('admin/delete_topics'),
    ]);

  const [brokers, topics, topicConfigs] = await Promise.all([
    Promise.all(brokerIds.map(async (name) => ({ name, node: await node(`brokers/ids/${name}`) }))),
    Promise.all(
      topicNames.map(async (name) => {
        const [assignment, partitionNames] = await Promise.all([
          node(`brokers/topics/${name}`),
          list(`brokers/topics/${name}/partitions`),
        ]);
        const partitions = await Promise.all(
          partitionNames.map(async (p) => ({ name: p, state: await node(`brokers/topics/${name}/partitions/${p}/state`) })),
        );
        return { name, assignment, partitions };
      }),
    ),
    Promise.all(configNames.map(async (name) => ({ name, node: await node(`config/topics/${name}`) }))),
  ]);

  const snapshot: KafkaSnapshot = {
    root: base,
    hasBrokers: true,
    clusterId,
    controller,
    controllerEpoch,
    brokers,
    topics,
    topicConfigs,
    pendingDeletion,
    reassignPartitions,
    problems,
  };
  return decodeKafka(snapshot);
}

/** Reads through a managed session: NO_NODE becomes null, other errors propagate. */
export function sessionKafkaReader(session: ZkSession): KafkaReader {
  const orNull = <T>(p: Promise<T>): Promise<T | null> =>
    p.catch((e: unknown) => {
      if (isZkError(e) && e.code === 'NO_NODE') return null;
      throw e;
    });
  return {
    get: (path) => orNull(session.run((h) => h.get(path))),
    children: (path) => orNull(session.run((h) => h.children(path))).then((r) => r?.children ?? null),
  };
}
