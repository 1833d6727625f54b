import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { childrenPageQuery, localFilterPage, loadedIndexOf } from '@/lib/client/children';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import type { ChildrenPage } from '@/lib/shared/wire';
import type { ZkStat } from '@/lib/shared/types';

const stat = { numChildren: 0 } as ZkStat;
const names = Array.from({ length: 2_000 }, (_, i) => `n-${String(i).padStart(4, '0')}`);

const pre = (prefix: string) => ({ prefix, contains: '' });

function withPages(pages: number[], prefix = '', list = names): QueryClient {
  const client = new QueryClient();
  for (const p of pages) {
    const children = list.slice(p * CHILDREN_PAGE_SIZE, (p + 1) * CHILDREN_PAGE_SIZE).map((name) => ({ name }));
    const page: ChildrenPage = { path: '/big', stat, total: list.length, offset: p * CHILDREN_PAGE_SIZE, children };
    client.setQueryData(childrenPageQuery('c', '/big', pre(prefix), p).queryKey, page);
  }
  return client;
}

describe('localFilterPage', () => {
  it('answers a prefix exactly when loaded names bracket its matches', () => {
    const local = localFilterPage(withPages([0]), 'c', '/big', pre('n-01'), 0);
    expect(local?.page.total).toBe(100);
    expect(local?.page.children[0].name).toBe('n-0100');
    expect(local?.page.children.at(-1)?.name).toBe('n-0199');
  });

  it('knows a prefix has no match when loaded names surround where it would be', () => {
    expect(localFilterPage(withPages([0]), 'c', '/big', pre('n-00a'), 0)?.page.total).toBe(0);
  });

  it('leaves undecided prefixes to the server', () => {
    // Every loaded name matches "n-0", but more may follow beyond the first page.
    expect(localFilterPage(withPages([0]), 'c', '/big', pre('n-0'), 0)).toBeUndefined();
    // Matches past the loaded pages.
    expect(localFilterPage(withPages([0]), 'c', '/big', pre('n-15'), 0)).toBeUndefined();
  });

  it('narrows further from a filtered list', () => {
    const filtered = names.filter((n) => n.startsWith('n-1'));
    const local = localFilterPage(withPages([0, 1], 'n-1', filtered), 'c', '/big', pre('n-19'), 0);
    expect(local?.page.total).toBe(100);
    expect(local?.page.children[0].name).toBe('n-1900');
  });

  it('finds a loaded child by name for deep links', () => {
    const client = withPages([0, 3]);
    expect(loadedIndexOf(client, 'c', '/big', pre(''), 'n-1600')).toBe(1600);
    expect(loadedIndexOf(client, 'c', '/big', pre(''), 'n-0800')).toBeUndefined();
  });
});

describe('localFilterPage with pages far apart', () => {
  it('knows every name matches when the first and the last page both start with the prefix', () => {
    const local = localFilterPage(withPages([0, 3]), 'c', '/big', pre('n-'), 0);
    expect(local?.page.total).toBe(2_000);
    expect(local?.page.children).toHaveLength(CHILDREN_PAGE_SIZE);
    expect(local?.page.children[0].name).toBe('n-0000');
  });

  it('needs loaded names on both sides of the block', () => {
    // n-0… are the first 1,000 names. Pages 0 and 3 leave the block's end (somewhere in 500–1,499) open.
    expect(localFilterPage(withPages([0, 3]), 'c', '/big', pre('n-0'), 0)).toBeUndefined();
    // Pages 0–2 hold the end (n-1000 follows n-0999): exact, and the block's second page is loaded too.
    const second = localFilterPage(withPages([0, 1, 2]), 'c', '/big', pre('n-0'), 1);
    expect(second?.page.total).toBe(1_000);
    expect(second?.page.children[0].name).toBe('n-0500');
    expect(second?.page.children.at(-1)?.name).toBe('n-0999');
  });
});

describe('localFilterPage with a substring', () => {
  const small = names.slice(0, 300);
  it('answers a substring in the browser from a list loaded whole, and from a looser substring', () => {
    const local = localFilterPage(withPages([0], '', small), 'c', '/big', { prefix: '', contains: '99' }, 0);
    expect(local?.page.children.map((c) => c.name)).toEqual(['n-0099', 'n-0199', 'n-0299']);
    expect(local?.page.total).toBe(3);
    const client = new QueryClient();
    const nines = small.filter((n) => n.includes('9')).map((name) => ({ name }));
    client.setQueryData(childrenPageQuery('c', '/big', { prefix: '', contains: '9' }, 0).queryKey, { path: '/big', stat, total: nines.length, offset: 0, children: nines });
    expect(localFilterPage(client, 'c', '/big', { prefix: 'n-01', contains: '99' }, 0)?.page.children.map((c) => c.name)).toEqual(['n-0199']);
  });

  it('leaves a substring of a list loaded in part to the server', () => {
    expect(localFilterPage(withPages([0, 1]), 'c', '/big', { prefix: '', contains: '99' }, 0)).toBeUndefined();
  });
});
