import 'server-only';
import { assertPath } from './assert-path';
import type { WatcherType } from './client';
import type { ZkSession } from './session';

export type { WatcherType };

/**
 * Removes every watch this session holds on `path` of `type` ('data' covers getData and exists
 * watches, 'children' getChildren ones, 'any' both), on the server too unless `local` (then only
 * the client forgets them and the server keeps them until they fire). The removed watches'
 * callbacks are never called. Resolves false when the server held no such watch (it fired, or
 * was never set); a local removal cannot tell, and resolves true. The watch hub should call it with the kind of each entry it releases, once no
 * subscriber needs that (path, kind): it removes the path's other watches of that type too.
 */
export async function removeWatches(session: ZkSession, path: string, type: WatcherType, opts: { local?: boolean } = {}): Promise<boolean> {
  assertPath(path);
  return session.run((h) => h.removeWatches(path, type, opts.local ?? false));
}
