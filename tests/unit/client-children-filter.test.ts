import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { childrenPageQuery, localPrefixPage, loadedIndexOf } from '@/lib/client/children';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import type { ChildrenPage } from '@/lib/shared/wire';
import type { ZkStat } from '@/lib/shared/types';

const stat = { numChildren: 0 } as ZkStat;
const names = Array.from({ length: 2_000 }, (_, i) => `n-${String(i).padStart(4, '0')}`);

function withPages(pages: number[], prefix = '', list = names): QueryClient {
  const client = new QueryClient();
  for (const p of pages) {
    const children = list.slice(p * CHILDREN_PAGE_SIZE, (p + 1) * CHILDREN_PAGE_SIZE).map((name) => ({ name }));
    const page: ChildrenPage = { path: '/big', stat, total: list.length, offset: p * CHILDREN_PAGE_SIZE, children };
    client.setQueryData(childrenPageQuery('c', '/big', prefix, p).queryKey, page);
  }
  return client;
}

describe('localPrefixPage', () => {
  it('answers a prefix exactly when loaded names bracket its matches', () => {
    const local = localPrefixPage(withPages([0]), 'c', '/big', 'n-01', 0);
    expect(local?.page.total).toBe(100);
    expect(local?.page.children[0].name).toBe('n-0100');
    expect(local?.page.children.at(-1)?.name).toBe('n-0199');
  });

  it('knows a prefix has no match when loaded names surround where it would be', () => {
    expect(localPrefixPage(withPages([0]), 'c', '/big', 'n-00a', 0)?.page.total).toBe(0);
  });

  it('leaves undecided prefixes to the server', () => {
    // Every loaded name matches "n-0", but more may follow beyond the first page.
    expect(localPrefixPage(withPages([0]), 'c', '/big', 'n-0', 0)).toBeUndefined();
    // Matches past the loaded pages.
    expect(localPrefixPage(withPages([0]), 'c', '/big', 'n-15', 0)).toBeUndefined();
  });

  it('narrows further from a filtered list', () => {
    const filtered = names.filter((n) => n.startsWith('n-1'));
    const local = localPrefixPage(withPages([0, 1], 'n-1', filtered), 'c', '/big', 'n-19', 0);
    expect(local?.page.total).toBe(100);
    expect(local?.page.children[0].name).toBe('n-1900');
  });

  it('finds a loaded child by name for deep links', () => {
    const client = withPages([0, 3]);
    expect(loadedIndexOf(client, 'c', '/big', '', 'n-1600')).toBe(1600);
    expect(loadedIndexOf(client, 'c', '/big', '', 'n-0800')).toBeUndefined();
  });
});

describe('localPrefixPage with pages far apart', () => {
  it('knows every name matches when the first and the last page both start with the prefix', () => {
    const local = localPrefixPage(withPages([0, 3]), 'c', '/big', 'n-', 0);
    expect(local?.page.total).toBe(2_000);
    expect(local?.page.children).toHaveLength(CHILDREN_PAGE_SIZE);
    expect(local?.page.children[0].name).toBe('n-0000');
  });

  it('needs loaded names on both sides of the block', () => {
    // n-0… are the first 1,000 names. Pages 0 and 3 leave the block's end (somewhere in 500–1,499) open.
    expect(localPrefixPage(withPages([0, 3]), 'c', '/big', 'n-0', 0)).toBeUndefined();
    // Pages 0–2 hold the end (n-1000 follows n-0999): exact, and the block's second page is loaded too.
    const second = localPrefixPage(withPages([0, 1, 2]), 'c', '/big', 'n-0', 1);
    expect(second?.page.total).toBe(1_000);
    expect(second?.page.children[0].name).toBe('n-0500');
    expect(second?.page.children.at(-1)?.name).toBe('n-0999');
  });
});
