import { describe, expect, it } from 'vitest';
import { addDifferences, emptyDiffTree, sortedChildren, totalCounts } from '@/lib/client/compare-tree';

describe('compare tree', () => {
  it('places differences at their paths with counts per folder, added and removed from the base side', () => {
    const root = emptyDiffTree();
    addDifferences(root, [{ only: 'right', path: 'new' }, { only: 'right', path: 'new/kid' }, { changed: 'x', data: true, acl: false }], 'left');
    addDifferences(root, [{ changed: 'x/y', data: false, acl: true }, { only: 'left', path: 'z' }, { noAuth: 'left', path: 'z' }], 'left');
    expect(totalCounts(root)).toEqual({ added: 2, removed: 1, changed: 2, unreadable: 1 });
    expect(sortedChildren(root).map((n) => [n.name, n.kind])).toEqual([
      ['new', 'added'],
      ['x', 'changed'],
      ['z', 'removed'],
    ]);
    const x = root.children.get('x')!;
    expect([x.data, x.acl, x.below]).toEqual([true, false, { added: 0, removed: 0, changed: 1, unreadable: 0 }]);
    expect(x.children.get('y')).toMatchObject({ path: 'x/y', kind: 'changed', acl: true, data: false });
    expect(root.children.get('z')).toMatchObject({ kind: 'removed', unreadable: true });
  });

  it('creates the folders on the way to a deep difference, and the root itself can differ', () => {
    const root = emptyDiffTree();
    addDifferences(root, [{ changed: '', data: true, acl: false }, { only: 'left', path: 'a/b/c' }], 'right');
    expect(root.kind).toBe('changed');
    const a = root.children.get('a')!;
    expect([a.kind, a.below.added, a.children.get('b')!.path]).toEqual([null, 1, 'a/b']);
    expect(totalCounts(root)).toEqual({ added: 1, removed: 0, changed: 1, unreadable: 0 });
  });
});
