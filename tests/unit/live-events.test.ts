import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChildrenPage, NodeResponse } from '@/lib/shared/wire';
import { applyLiveEvents, isStale } from '@/lib/client/live-cache';
import { createSseParser, type SseMessage } from '@/lib/client/live-sse';
import { childrenKeys, nodeKeys } from '@/lib/client/query-keys';
import { EventQueue, coalesce, coalesceKey, formatEventId, mergeChildren, parseEventId, type ChildrenEvent, type LiveEvent } from '@/lib/shared/events';
import { stat } from '../helpers/stat';

const children = (path: string, added: string[], removed: string[], over: Partial<ChildrenEvent> = {}): ChildrenEvent => ({
  type: 'children',
  at: 1,
  path,
  exists: true,
  stat: stat(),
  total: 0,
  added,
  removed,
  truncated: false,
  ...over,
});

const text = (t: string) => ({ base64: Buffer.from(t).toString('base64'), text: t, format: 'text' as const, size: t.length });

describe('live events', () => {
  it('merges consecutive child-list changes into their net effect', () => {
    const merged = mergeChildren(children('/p', ['x', 'y'], ['old']), children('/p', ['z', 'old'], ['x'], { total: 9 }));
    expect(merged.added.sort()).toEqual(['y', 'z']);
    expect(merged.removed).toEqual([]);
    expect(merged.total).toBe(9);
    expect(mergeChildren(children('/p', ['a'], []), children('/p', [], [], { truncated: true })).truncated).toBe(true);
  });

  it('keeps one queued event per node: the latest state wins', () => {
    const changed: LiveEvent = { type: 'changed', at: 1, path: '/a', stat: stat({ version: 1 }) };
    const deleted: LiveEvent = { type: 'deleted', at: 2, path: '/a' };
    expect(coalesceKey(changed)).toBe(coalesceKey(deleted));
    expect(coalesceKey(changed)).not.toBe(coalesceKey(children('/a', [], [])));
    expect(coalesce(changed, deleted)).toBe(deleted);
    expect(coalesceKey({ type: 'session', at: 1, state: 'connected', sessionId: null, server: null, message: '' })).toBeNull();
  });

  it('queues one event per node in the order of the latest change, bounded by a resync', () => {
    const changed = (path: string, version: number): LiveEvent => ({ type: 'changed', at: version, path, stat: stat({ version }) });
    const q = new EventQueue(3, 'too many', () => 10, 1000);
    q.push(changed('/a', 1));
    q.push(changed('/b', 1));
    q.push(children('/a', ['x'], []));
    q.push(changed('/a', 2));
    expect(q.size).toBe(3);
    expect(q.take(2).map((e) => `${e.type}:${'path' in e ? e.path : ''}`)).toEqual(['changed:/b', 'children:/a']);
    q.push(changed('/b', 2));
    expect(q.take().map((e) => ('stat' in e && e.stat ? e.stat.version : null))).toEqual([2, 2]);
    expect(q.size).toBe(0);

    for (const p of ['/1', '/2', '/3', '/4']) q.push(changed(p, 1));
    expect(q.take()).toEqual([expect.objectContaining({ type: 'resync', reason: 'overflow', message: 'too many' })]);
    const bytes = new EventQueue(100, 'too big', () => 400, 1000);
    for (const p of ['/1', '/2', '/3']) bytes.push(changed(p, 1));
    expect(bytes.take()).toEqual([expect.objectContaining({ type: 'resync', message: 'too big' })]);
    const budget = new EventQueue(100, '', () => 400);
    for (const p of ['/1', '/2', '/3']) budget.push(changed(p, 1));
    expect(budget.take(10, 500)).toHaveLength(1);
    expect(budget.take(10, 800)).toHaveLength(2);
  });

  it('formats and parses event ids, refusing anything else', () => {
    const id = formatEventId('0123456789abcdef01234567', 42);
    expect(parseEventId(id)).toEqual({ stream: '0123456789abcdef01234567', seq: 42 });
    for (const bad of [null, '', '42', 'abc-1', '0123456789abcdef01234567-', '0123456789abcdef01234567-x', 'a b-1']) {
      expect(parseEventId(bad)).toBeNull();
    }
  });
});

describe('SSE parser', () => {
  it('parses messages split across chunks, with comments, CRLF and multi-line data', () => {
    const messages: SseMessage[] = [];
    const comments: string[] = [];
    const parser = createSseParser(
      (m) => messages.push(m),
      (c) => comments.push(c),
    );
    for (const chunk of ['retry: 2000\n\nid: s-1\nevent: cha', 'nged\ndata: {"a":', '1}\n\n: heartbeat 5\n\r\n', 'data: one\r\ndata: two\r\n\r\nid: s-2\n', 'data:x\n\n']) {
      parser.push(chunk);
    }
    expect(messages).toEqual([
      { id: 's-1', event: 'changed', data: '{"a":1}' },
      { id: 's-1', event: 'message', data: 'one\ntwo' },
      { id: 's-2', event: 'message', data: 'x' },
    ]);
    expect(comments).toEqual(['heartbeat 5']);
  });
});

describe('applying live events to the query cache', () => {
  const conn = 'c1';
  const page = (path: string, names: string[], params: { prefix?: string; offset?: number; total?: number; stat?: boolean } = {}) => {
    const key = childrenKeys.page(conn, path, { prefix: params.prefix ?? '', contains: '', offset: params.offset ?? 0, limit: 500, stat: params.stat ?? false });
    const value: ChildrenPage = {
      path,
      stat: stat({ cversion: 1 }),
      total: params.total ?? names.length,
      offset: params.offset ?? 0,
      children: names.map((name) => ({ name, ...(params.stat ? { stat: stat() } : {}) })),
    };
    return { key, value };
  };

  it('replaces the cached node with the value the event carries, never with an older one', () => {
    const client = new QueryClient();
    const key = nodeKeys.detail(conn, '/n');
    client.setQueryData<NodeResponse>(key, { path: '/n', stat: stat({ mzxid: 20, version: 2 }), data: text('v2') });
    applyLiveEvents(client, conn, [{ type: 'changed', at: 1, path: '/n', stat: stat({ mzxid: 15, version: 1 }), data: text('v1') }]);
    expect(client.getQueryData<NodeResponse>(key)?.data.text).toBe('v2');
    applyLiveEvents(client, conn, [{ type: 'changed', at: 1, path: '/n', stat: stat({ mzxid: 30, version: 3 }), data: text('v3') }]);
    expect(client.getQueryData<NodeResponse>(key)).toMatchObject({ stat: { version: 3 }, data: { text: 'v3' } });
  });

  it('patches a whole child list in place, sorted, honouring its filter', () => {
    const client = new QueryClient();
    const all = page('/p', ['a', 'c']);
    const filtered = page('/p', ['ca'], { prefix: 'c' });
    client.setQueryData(all.key, all.value);
    client.setQueryData(filtered.key, { ...filtered.value, children: [{ name: 'c' }] });
    const parentStat = stat({ cversion: 3, numChildren: 3, pzxid: 30 });
    applyLiveEvents(client, conn, [children('/p', ['b', 'cb', 'B'], ['a'], { stat: parentStat, total: 4 })]);
    expect(client.getQueryData<ChildrenPage>(all.key)).toMatchObject({ total: 4, stat: { cversion: 3 } });
    expect(client.getQueryData<ChildrenPage>(all.key)!.children.map((c) => c.name)).toEqual(['B', 'b', 'c', 'cb']);
    expect(client.getQueryData<ChildrenPage>(filtered.key)!.children.map((c) => c.name)).toEqual(['c', 'cb']);
  });

  it('refetches what it cannot patch exactly: paged lists, stat chunks, oversized lists', () => {
    const client = new QueryClient();
    const paged = page('/big', ['n0500'], { offset: 500, total: 700 });
    const stats = page('/big', ['n0000'], { stat: true });
    client.setQueryData(paged.key, paged.value);
    client.setQueryData(stats.key, stats.value);
    applyLiveEvents(client, conn, [children('/big', ['n0001'], [])]);
    expect(client.getQueryState(paged.key)?.isInvalidated).toBe(true);
    expect(client.getQueryState(stats.key)?.isInvalidated).toBe(true);
  });

  it("updates a node's row in its parent's stat chunk, and empties the list of a deleted parent", () => {
    const client = new QueryClient();
    const rows = page('/', ['p'], { stat: true });
    const list = page('/p', ['x']);
    client.setQueryData(rows.key, rows.value);
    client.setQueryData(list.key, list.value);
    applyLiveEvents(client, conn, [{ type: 'changed', at: 1, path: '/p', stat: stat({ mzxid: 50, numChildren: 7 }) }]);
    expect(client.getQueryData<ChildrenPage>(rows.key)!.children[0].stat?.numChildren).toBe(7);
    applyLiveEvents(client, conn, [children('/p', [], ['x'], { exists: false, stat: null })]);
    expect(client.getQueryData<ChildrenPage>(list.key)).toMatchObject({ total: 0, children: [] });
  });

  it('tells a fetch older than the watch from a current one', () => {
    const client = new QueryClient();
    client.setQueryData<NodeResponse>(nodeKeys.detail(conn, '/n'), { path: '/n', stat: stat({ mzxid: 20 }), data: text('x') });
    expect(isStale(client, conn, { path: '/n', kind: 'data', exists: true, stat: stat({ mzxid: 20 }) })).toBe(false);
    expect(isStale(client, conn, { path: '/n', kind: 'data', exists: true, stat: stat({ mzxid: 21 }) })).toBe(true);
    const list = page('/p', ['x']);
    client.setQueryData(list.key, list.value);
    expect(isStale(client, conn, { path: '/p', kind: 'children', exists: true, stat: stat({ cversion: 1 }) })).toBe(false);
    expect(isStale(client, conn, { path: '/p', kind: 'children', exists: true, stat: stat({ cversion: 2, pzxid: 11 }) })).toBe(true);
  });
});
