import { describe, expect, it } from 'vitest';
import { takeToken, type TokenBucket } from '@/lib/zk/rearm-throttle';
import { INLINE_DATA_BYTES, childrenEvent, dataEvents, statChanged, type ChildrenState, type NodeState } from '@/lib/zk/watch-diff';
import { WriteAttribution } from '@/lib/zk/write-attribution';
import { stat } from '../helpers/stat';

/** The watch hub's pure parts: what a re-read means as events, the re-arm throttle, write attribution. */

const present = (over: Parameters<typeof stat>[0] = {}): NodeState => ({ exists: true, stat: stat(over) });
const absent: NodeState = { exists: false, stat: null };
const list = (names: string[] | null, over: Partial<ChildrenState> = {}): ChildrenState => ({
  exists: true,
  stat: stat(),
  names: names && new Set(names),
  total: names?.length ?? 0,
  ...over,
});

describe('statChanged', () => {
  it('counts data, child-list and ACL changes, nothing else', () => {
    expect(statChanged(stat(), stat())).toBe(false);
    expect(statChanged(stat(), stat({ mzxid: 11 }))).toBe(true);
    expect(statChanged(stat(), stat({ pzxid: 11 }))).toBe(true);
    expect(statChanged(stat(), stat({ aversion: 1 }))).toBe(true);
    // The session touching the node (mtime alone) is not a change ZooKeeper versions.
    expect(statChanged(stat(), stat({ mtime: 5 }))).toBe(false);
  });
});

describe('dataEvents', () => {
  it('reports a changed value with the value inline', () => {
    const events = dataEvents('/a', present(), present({ mzxid: 11, version: 1 }), 7, Buffer.from('hello'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'changed', at: 7, path: '/a', stat: { mzxid: 11, version: 1 }, data: { text: 'hello' } });
  });

  it('reports nothing when the stat did not move', () => {
    expect(dataEvents('/a', present(), present(), 7, Buffer.from('same'))).toEqual([]);
    expect(dataEvents('/a', absent, absent, 7)).toEqual([]);
  });

  it('reports creation and deletion', () => {
    expect(dataEvents('/a', absent, present(), 1, Buffer.from('x'))).toMatchObject([{ type: 'created', path: '/a', data: { text: 'x' } }]);
    expect(dataEvents('/a', present(), absent, 1)).toEqual([{ type: 'deleted', at: 1, path: '/a' }]);
  });

  it('reports a node deleted and created again between two reads as both', () => {
    const events = dataEvents('/a', present(), present({ czxid: 20, mzxid: 20 }), 1, Buffer.from('new'));
    expect(events.map((e) => e.type)).toEqual(['deleted', 'created']);
  });

  it('leaves out values too large to travel, and values it could not read', () => {
    const large = dataEvents('/a', present(), present({ mzxid: 11 }), 1, Buffer.alloc(INLINE_DATA_BYTES + 1));
    expect(large).toHaveLength(1);
    expect(large[0]).not.toHaveProperty('data');
    const atLimit = dataEvents('/a', present(), present({ mzxid: 11 }), 1, Buffer.alloc(INLINE_DATA_BYTES));
    expect(atLimit[0]).toHaveProperty('data');
    const unreadable = dataEvents('/a', present(), present({ aversion: 1 }), 1, undefined);
    expect(unreadable[0]).not.toHaveProperty('data');
  });
});

describe('childrenEvent', () => {
  it('lists the names added and removed', () => {
    const event = childrenEvent('/p', list(['a', 'b']), list(['b', 'c', 'd']), 3);
    expect(event).toEqual({ type: 'children', at: 3, path: '/p', exists: true, stat: stat(), total: 3, added: ['c', 'd'], removed: ['a'], truncated: false });
  });

  it('is null when the list is the same', () => {
    expect(childrenEvent('/p', list(['a', 'b']), list(['b', 'a']), 3)).toBeNull();
  });

  it('reports the parent disappearing, with what it had', () => {
    const event = childrenEvent('/p', list(['a']), list([], { exists: false, stat: null }), 3);
    expect(event).toMatchObject({ exists: false, stat: null, added: [], removed: ['a'], total: 0, truncated: false });
    // Gone with no children: the existence change alone is an event.
    expect(childrenEvent('/p', list([]), list([], { exists: false, stat: null }), 3)).toMatchObject({ exists: false, removed: [] });
  });

  it('falls back to a truncated event (count only) when either list was too long to keep', () => {
    expect(childrenEvent('/p', list(null, { total: 20_000 }), list(null, { total: 20_001 }), 3)).toMatchObject({
      added: [],
      removed: [],
      total: 20_001,
      truncated: true,
    });
    expect(childrenEvent('/p', list(['a']), list(null, { total: 20_000 }), 3)).toMatchObject({ truncated: true, total: 20_000 });
    // Same count and existence: nothing to say without the names.
    expect(childrenEvent('/p', list(null, { total: 20_000 }), list(null, { total: 20_000 }), 3)).toBeNull();
  });
});

describe('takeToken', () => {
  it('allows a burst at once, then one re-read per interval', () => {
    const bucket: TokenBucket = { tokens: 3, refilledAt: 0 };
    expect([takeToken(bucket, 3, 20, 0), takeToken(bucket, 3, 20, 0), takeToken(bucket, 3, 20, 0)]).toEqual([0, 0, 0]);
    expect(takeToken(bucket, 3, 20, 0)).toBe(20);
    expect(takeToken(bucket, 3, 20, 5)).toBe(15);
    expect(takeToken(bucket, 3, 20, 20)).toBe(0);
  });

  it('refills up to the capacity only', () => {
    const bucket: TokenBucket = { tokens: 0, refilledAt: 0 };
    expect(takeToken(bucket, 2, 10, 1_000_000)).toBe(0);
    expect(takeToken(bucket, 2, 10, 1_000_000)).toBe(0);
    expect(takeToken(bucket, 2, 10, 1_000_000)).toBe(10);
  });
});

describe('WriteAttribution', () => {
  it('names the author once per kind, within the window', () => {
    const writes = new WriteAttribution();
    writes.note('/a', 'alice', 1000);
    expect(writes.claim('/a', 'data', 1500)).toBe('alice');
    expect(writes.claim('/a', 'data', 1500)).toBeUndefined();
    expect(writes.claim('/a', 'children', 1500)).toBe('alice');
    expect(writes.claim('/b', 'data', 1500)).toBeUndefined();
  });

  it('forgets a write after two seconds, and a newer write replaces an older one', () => {
    const writes = new WriteAttribution();
    writes.note('/a', 'alice', 0);
    expect(writes.claim('/a', 'data', 2001)).toBeUndefined();
    writes.note('/a', 'alice', 0);
    writes.note('/a', 'bob', 100);
    expect(writes.claim('/a', 'data', 200)).toBe('bob');
  });
});
