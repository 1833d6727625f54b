/**
 * Applies live events to the TanStack Query cache: a node's cached value and stat are replaced
 * in place, child lists gain and lose names in place (the tree keeps its expansion and scroll),
 * and what cannot be patched exactly is invalidated (refetched while the old data stays shown).
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ChildrenEvent, LiveEvent } from '@/lib/shared/events';
import { matchesName, type NameFilter } from '@/lib/shared/names';
import { baseName, parentPath } from '@/lib/shared/path';
import type { ZkStat } from '@/lib/shared/types';
import type { ChildrenPage, NodeResponse } from '@/lib/shared/wire';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { isApiError } from './api-client';
import { childrenKeys, nodeKeys, parseConnectionQueryKey, type ChildrenPageParams } from './query-keys';

/** True when `next` describes the node at least as recently as `prev` (never step back). */
export function isAtLeastAsNew(next: ZkStat, prev: ZkStat): boolean {
  if (next.czxid !== prev.czxid) return next.czxid > prev.czxid;
  return next.mzxid >= prev.mzxid && next.pzxid >= prev.pzxid && next.aversion >= prev.aversion;
}

/** Every cached page (names or stats) of `path`'s child list, with the parameters it was asked with. */
function pagesOf(client: QueryClient, connection: string, path: string): Array<{ q: Query<ChildrenPage>; params: ChildrenPageParams }> {
  const out: Array<{ q: Query<ChildrenPage>; params: ChildrenPageParams }> = [];
  for (const q of client.getQueryCache().findAll({ queryKey: childrenKeys.of(connection, path) })) {
    const key = parseConnectionQueryKey(q.queryKey, connection);
    if (key?.resource === 'children') out.push({ q: q as Query<ChildrenPage>, params: key.params });
  }
  return out;
}

/** The row of `path` in its parent's cached stat chunks shows the new stat. */
function updateRowStat(client: QueryClient, connection: string, path: string, stat: ZkStat | null): void {
  if (path === '/') return;
  const name = baseName(path);
  for (const { q, params } of pagesOf(client, connection, parentPath(path))) {
    const page = q.state.data;
    if (!params.stat || !page) continue;
    const i = page.children.findIndex((c) => c.name === name);
    if (i < 0) continue;
    const current = page.children[i].stat;
    if (stat && current && !isAtLeastAsNew(stat, current)) continue;
    const children = page.children.slice();
    children[i] = { name, stat };
    client.setQueryData<ChildrenPage>(q.queryKey, { ...page, children });
  }
}

/** The node panel's cached copy of `path`, replaced when the event carries the value. */
function applyNodeEvent(client: QueryClient, connection: string, event: Extract<LiveEvent, { type: 'created' | 'changed' }>): void {
  const key = nodeKeys.detail(connection, event.path);
  const cached = client.getQueryData<NodeResponse>(key);
  if (cached && !isAtLeastAsNew(event.stat, cached.stat)) return;
  if (event.data) client.setQueryData<NodeResponse>(key, { path: event.path, stat: event.stat, data: event.data });
  else if (cached) void client.invalidateQueries({ queryKey: key, exact: true });
}

/** A page holding the whole (filtered) list: patched in place, kept sorted as the server sorts. */
function patchWholePage(page: ChildrenPage, filter: NameFilter, event: ChildrenEvent): ChildrenPage | null {
  const removed = new Set(event.removed);
  const names = page.children.map((c) => c.name).filter((n) => !removed.has(n));
  const have = new Set(names);
  for (const n of event.added) if (matchesName(filter, n) && !have.has(n)) names.push(n);
  if (names.length > CHILDREN_PAGE_SIZE) return null;
  names.sort(); // code-unit order, as the server sorts
  return { ...page, stat: event.stat ?? page.stat, total: names.length, children: names.map((name) => ({ name })) };
}

function applyChildrenEvent(client: QueryClient, connection: string, event: ChildrenEvent): void {
  for (const { q, params } of pagesOf(client, connection, event.path)) {
    const page = q.state.data;
    if (!page) continue;
    if (!event.exists) {
      // The node itself is gone; its row leaves with its parent's own event.
      client.setQueryData<ChildrenPage>(q.queryKey, { ...page, total: 0, children: [] });
      continue;
    }
    const whole = !params.stat && !event.truncated && page.offset === 0 && page.total <= page.children.length;
    const patched = whole ? patchWholePage(page, params, event) : null;
    if (patched) client.setQueryData<ChildrenPage>(q.queryKey, patched);
    // Positions shift in a paged list and in stat chunks: those are fetched again.
    else void client.invalidateQueries({ queryKey: q.queryKey, exact: true });
  }
  if (!event.stat) return;
  // The parent's own stat (child count) in its row and in the node panel.
  updateRowStat(client, connection, event.path, event.stat);
  const nodeKey = nodeKeys.detail(connection, event.path);
  const node = client.getQueryData<NodeResponse>(nodeKey);
  if (node && node.stat.mzxid === event.stat.mzxid && isAtLeastAsNew(event.stat, node.stat)) {
    client.setQueryData<NodeResponse>(nodeKey, { ...node, stat: event.stat });
  }
}

/** Applies one frame's worth of events (already coalesced per node). */
export function applyLiveEvents(client: QueryClient, connection: string, events: readonly LiveEvent[]): void {
  for (const event of events) {
    switch (event.type) {
      case 'created':
      case 'changed':
        applyNodeEvent(client, connection, event);
        updateRowStat(client, connection, event.path, event.stat);
        break;
      case 'deleted':
        // The open node keeps showing its last value under a notice (see the live notices);
        // its row leaves with the parent's children event.
        updateRowStat(client, connection, event.path, null);
        break;
      case 'children':
        applyChildrenEvent(client, connection, event);
        break;
      case 'resync':
        void client.invalidateQueries({ queryKey: nodeKeys.all(connection) });
        void client.invalidateQueries({ queryKey: childrenKeys.all(connection) });
        break;
      default:
        break;
    }
  }
}

/**
 * Where a new watch starts: a children watch's stat is the row's own (a row on screen watched
 * after its stat was read shows a count that may have moved meanwhile).
 */
export function applyWatchSnapshot(client: QueryClient, connection: string, snapshot: { path: string; kind: 'data' | 'children'; stat: ZkStat | null; exists: boolean }): void {
  if (snapshot.kind === 'children' && snapshot.stat) updateRowStat(client, connection, snapshot.path, snapshot.stat);
}

/** Whether a cached query is older than what the server said when the watch was set. */
export function isStale(client: QueryClient, connection: string, snapshot: { path: string; kind: 'data' | 'children'; stat: ZkStat | null; exists: boolean }): boolean {
  if (snapshot.kind === 'data') {
    const query = client.getQueryCache().find<NodeResponse>({ queryKey: nodeKeys.detail(connection, snapshot.path), exact: true });
    const node = query?.state.data;
    // Read while it was gone (deleted and created again) yet watched since it is back: no event will come.
    if (!node) return snapshot.exists && isApiError(query?.state.error, 'NO_NODE');
    return !snapshot.exists || !snapshot.stat || (node.stat.mzxid !== snapshot.stat.mzxid && isAtLeastAsNew(snapshot.stat, node.stat));
  }
  return pagesOf(client, connection, snapshot.path).some(({ q, params }) => {
    const page = q.state.data;
    if (!page || params.stat) return false;
    return !snapshot.stat ? page.total > 0 : page.stat.cversion !== snapshot.stat.cversion && isAtLeastAsNew(snapshot.stat, page.stat);
  });
}
