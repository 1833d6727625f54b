import { describe, expect, it } from 'vitest';
import { locateMark, markOf, readMatchMark, readSearchState, withMatchMark, withSearchState } from '@/lib/client/search-url';
import { bookmarkKeys, parseQueryKey } from '@/lib/client/query-keys';
import { paletteOptions } from '@/components/palette/palette-options';
import { dataMatches } from '@/lib/services/search-snippet';
import { boundedMatcher, directMatcher } from '@/lib/services/search-matcher';

describe('search URL state', () => {
  it('round-trips a search and a match mark, defaults included', () => {
    const state = { path: '/a b/?#%', name: '설정', data: 'x:y', mode: 'regex' as const, caseSensitive: true };
    const params = withMatchMark(withSearchState(new URLSearchParams('other=1'), state), { line: 3, column: 4, text: 'a:b' });
    const back = new URLSearchParams(params.toString());
    expect(readSearchState(back)).toEqual(state);
    expect(readMatchMark(back)).toEqual({ line: 3, column: 4, text: 'a:b' });
    expect(back.get('other')).toBe('1');
    expect(readSearchState(new URLSearchParams('search=&mode=nope'))).toEqual({ path: '/', name: '', data: '', mode: 'text', caseSensitive: false });
    expect(withSearchState(back, null).toString()).toBe('other=1');
  });

  it('finds a mark at its line and column, else by its text, else not at all', () => {
    expect(locateMark('one\nthe ORDERS topic', { line: 2, column: 4, text: 'ORDERS' })).toEqual({ from: 8, to: 14 });
    // Pretty-printed since: found by content.
    expect(locateMark('{\n  "topic": "orders"\n}', { line: 1, column: 10, text: 'orders' })).toEqual({ from: 14, to: 20 });
    expect(locateMark('nothing', { line: 1, column: 0, text: 'orders' })).toBeNull();
    expect(markOf({ path: '/x', in: 'data', line: 2, column: 1, snippet: 'abc', start: 1, end: 2 })).toEqual({ line: 2, column: 1, text: 'b' });
    expect(markOf({ path: '/x', in: 'name', snippet: 'abc', start: 1, end: 2 })).toBeNull();
  });
});

describe('search matching', () => {
  it('places data matches by line and column with a snippet of the line', () => {
    const text = `first\n${'p'.repeat(100)}needle tail\nneedle`;
    const hits = directMatcher('needle', 'gi').match([text])[0]!;
    const [a, b] = dataMatches('/n', text, hits);
    expect(a).toMatchObject({ line: 2, column: 100 });
    expect(a.snippet.slice(a.start, a.end)).toBe('needle');
    expect(a.start).toBe(60);
    expect(b).toMatchObject({ line: 3, column: 0, snippet: 'needle', start: 0, end: 6 });
  });

  it('bounds a catastrophic pattern per text and keeps matching the others', () => {
    const m = boundedMatcher('(a+)+$', 'g', 50);
    const t0 = performance.now();
    const out = m.match(['aaa', `${'a'.repeat(30)}!`, 'xaa']);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(out).toEqual([[0, 3], null, [1, 2]]);
  });
});

describe('bookmark keys', () => {
  it('parse back', () => expect(parseQueryKey(bookmarkKeys.list('c'))).toEqual({ resource: 'bookmarks', connection: 'c' }));
});

describe('palette options', () => {
  const base = { bookmarks: [{ path: '/app/config', missing: false }, { path: '/gone', missing: true }], recent: ['/app/config', '/app/x'], completions: [], completionsTotal: undefined, actions: [{ label: 'Go to Ensemble', run: () => {} }] };

  it('lists bookmarks, then recent nodes, then actions; a path adds the typed path and completions', () => {
    expect(paletteOptions({ ...base, typed: '' }).map((o) => `${o.group}: ${o.label}`)).toEqual(['bookmarks: /app/config', 'bookmarks: /gone', 'recent: /app/x', 'actions: Go to Ensemble']);
    expect(paletteOptions({ ...base, typed: 'ensem' }).map((o) => o.label)).toEqual(['Go to Ensemble']);
    const typed = paletteOptions({ ...base, typed: '/app/c', completions: ['/app/config', '/app/cache'], completionsTotal: 900 });
    expect(typed.map((o) => `${o.group}: ${o.label}${o.hint ? ` (${o.hint.key})` : ''}`)).toEqual(['goTo: /app/c (open)', 'bookmarks: /app/config', 'children: /app/cache']);
    const first = paletteOptions({ ...base, typed: '/app/c', completions: ['/app/cache'], completionsTotal: 900 });
    expect(first.find((o) => o.group === 'children')?.hint).toEqual({ key: 'more', count: 900 });
  });
});
