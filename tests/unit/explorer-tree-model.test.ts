import { describe, expect, it } from 'vitest';
import { ROOT_REF, TreeModel, type ListState, type TreeSource } from '@/components/explorer/tree-model';

/** A namespace given as parent → sorted child names; every listed path is loaded. */
function sourceOf(lists: Record<string, string[] | 'loading'>, filtered: string[] = []): TreeSource {
  return {
    list: (path): ListState => {
      const l = lists[path];
      return l === undefined ? { total: 0 } : l === 'loading' ? 'loading' : { total: l.length };
    },
    indexInParent: (path) => {
      const i = path.lastIndexOf('/');
      const parent = i === 0 ? '/' : path.slice(0, i);
      const list = lists[parent];
      const index = Array.isArray(list) ? list.indexOf(path.slice(i + 1)) : -1;
      return index >= 0 ? index : undefined;
    },
    hasFilter: (path) => filtered.includes(path),
  };
}

describe('TreeModel', () => {
  it('lays out a 100,000-child list as one block and finds any row by binary search', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `n-${i}`);
    const model = new TreeModel(new Set(['/', '/big']), sourceOf({ '/': ['a', 'big', 'z'], '/big': big }));
    // root, a, big, its 100,000 children, z
    expect(model.count).toBe(1 + 3 + 100_000);
    expect(model.rowAt(0)).toEqual({ kind: 'root', level: 1 });
    expect(model.rowAt(2)).toEqual({ kind: 'child', parent: '/', index: 1, level: 2, setSize: 3 });
    expect(model.rowAt(3)).toEqual({ kind: 'child', parent: '/big', index: 0, level: 3, setSize: 100_000 });
    expect(model.rowAt(100_002)).toEqual({ kind: 'child', parent: '/big', index: 99_999, level: 3, setSize: 100_000 });
    expect(model.rowAt(100_003)).toEqual({ kind: 'child', parent: '/', index: 2, level: 2, setSize: 3 });
    expect(model.indexOf({ parent: '/big', index: 50_000 })).toBe(50_003);
    expect(model.indexOf({ parent: '/', index: 2 })).toBe(100_003);
    expect(model.indexOf(ROOT_REF)).toBe(0);
  });

  it('opens nested lists in place and hides the rows of collapsed ones', () => {
    const lists = { '/': ['a', 'b'], '/a': ['x', 'y'], '/a/x': ['deep'] };
    const open = new TreeModel(new Set(['/', '/a', '/a/x']), sourceOf(lists));
    const rows = Array.from({ length: open.count }, (_, i) => open.rowAt(i));
    expect(rows.map((r) => (r.kind === 'child' ? `${r.parent}#${r.index}@${r.level}` : r.kind))).toEqual([
      'root',
      '/#0@2',
      '/a#0@3',
      '/a/x#0@4',
      '/a#1@3',
      '/#1@2',
    ]);
    const collapsed = new TreeModel(new Set(['/', '/a/x']), sourceOf(lists));
    expect(collapsed.count).toBe(3);
    expect(collapsed.indexOf({ parent: '/a/x', index: 0 })).toBeUndefined();
  });

  it('shows a filter row for filtered lists, a loading row, and says when a filter matches nothing', () => {
    const model = new TreeModel(new Set(['/', '/f', '/slow']), sourceOf({ '/': ['f', 'slow'], '/f': [], '/slow': 'loading' }, ['/f']));
    const kinds = Array.from({ length: model.count }, (_, i) => model.rowAt(i).kind);
    expect(kinds).toEqual(['root', 'child', 'filter', 'empty', 'child', 'loading']);
    expect(model.filterIndexOf('/f')).toBe(2);
  });

  it('does not show an empty row for a leaf that was expanded', () => {
    const model = new TreeModel(new Set(['/', '/leaf']), sourceOf({ '/': ['leaf'], '/leaf': [] }));
    expect(model.count).toBe(2);
  });
});
