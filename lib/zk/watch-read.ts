import 'server-only';
import { invalidateChildren } from './children-cache';
import { ZkError, isZkError } from './errors';
import type { ZkHandle } from './client';
import type { ZkSession } from './session';
import type { WatchKind } from '@/lib/shared/events';
import type { ZkStat } from '@/lib/shared/types';

/** What one arming read returns. */
export interface ReadState {
  /** The type of watch the read set: exists and getData watches are 'data' ones. */
  watch: 'data' | 'children';
  exists: boolean;
  stat: ZkStat | null;
  data?: Buffer;
  /** Children kind: the names, or null when more than the diff limit. */
  names?: string[] | null;
  total?: number;
}

type WatchCallback = (type: number) => void;

/**
 * Reads a path's state while setting the watch in the same call (aw_get / aw_get_children2, or
 * aw_exists while the node does not exist), so a change between trigger and re-arm is never
 * missed: it is part of what this read returns.
 */
export function readWatched(session: ZkSession, path: string, kind: WatchKind, childrenDiffLimit: number, onWatch: WatchCallback): Promise<ReadState> {
  return session.run(async (h: ZkHandle): Promise<ReadState> => {
    // A node can appear between a failed read and the exists call: then read it again.
    for (let attempt = 1; ; attempt++) {
      try {
        if (kind === 'data') {
          const { stat, data } = await h.get(path, onWatch);
          return { watch: 'data', exists: true, stat, data };
        }
        const { children, stat } = await h.children(path, onWatch);
        // The list changed (or is first watched): pages served from the short-lived cache must not lag behind it.
        invalidateChildren(session, path);
        const names = children.length > childrenDiffLimit ? null : children;
        return { watch: 'children', exists: true, stat, names, total: children.length };
      } catch (e) {
        // Absent: watch for its creation. Unreadable data (ACL): watch its stat at least.
        const unreadableData = kind === 'data' && isZkError(e) && e.code === 'NO_AUTH';
        if (!(isZkError(e) && e.code === 'NO_NODE') && !unreadableData) throw e;
        const stat = await h.exists(path, onWatch);
        if (!stat) return { watch: 'data', exists: false, stat: null, names: [], total: 0 };
        if (unreadableData) return { watch: 'data', exists: true, stat };
        if (attempt >= 3) throw new ZkError('TIMEOUT', 'The node keeps appearing and disappearing; retrying', path);
      }
    }
  });
}
