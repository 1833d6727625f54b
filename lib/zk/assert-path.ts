import 'server-only';
import { ZkError } from './errors';
import { checkPath } from '@/lib/shared/path';

/** Refuses a path ZooKeeper would reject, before a request is sent. */
export function assertPath(path: unknown, sequential = false): asserts path is string {
  const check = checkPath(path, sequential);
  if (!check.ok) throw new ZkError('INVALID_PATH', check.reason, typeof path === 'string' ? path : undefined);
}
