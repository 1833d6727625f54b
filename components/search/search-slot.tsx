'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import type { SearchInput } from '@/lib/client/search';
import { markOf, readSearchState, withMatchMark, withSearchState } from '@/lib/client/search-url';
import { navigate } from '@/lib/client/navigate';
import { browseHref } from '@/lib/client/urls';
import type { SearchMatch } from '@/lib/shared/search';
import { useBrowsePath } from '@/components/explorer/use-browse-path';

// Its own chunk, fetched the first time a search opens.
const SearchPanel = lazy(() => import('./search-panel').then((m) => ({ default: m.SearchPanel })));

const EMPTY: Omit<SearchInput, 'path'> = { name: '', data: '', mode: 'text', caseSensitive: false };

/**
 * Where the search panel opens (Ctrl/Cmd+Shift+F, or "Search in this subtree"). The URL holds
 * the search; the panel stays open with its last search while the operator moves through the tree.
 */
export function SearchSlot({ connection }: { connection: string }) {
  const t = useTranslations('search');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = useBrowsePath();
  const fromUrl = readSearchState(params);
  const [kept, setKept] = useState<SearchInput | null>(fromUrl);
  // A new search in the URL replaces the one kept; a URL without one (tree navigation) keeps it.
  const urlKey = fromUrl && JSON.stringify(fromUrl);
  const [seenKey, setSeenKey] = useState(urlKey);
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    if (fromUrl) setKept(fromUrl);
  }
  const state = fromUrl ?? kept;

  const show = useCallback(
    (next: SearchInput | null, href = pathname) => {
      const query = withSearchState(params, next).toString();
      navigate(router, query ? `${href}?${query}` : href, true);
    },
    [params, pathname, router],
  );

  useEffect(() => {
    const open = (path: string) => show({ ...EMPTY, ...kept, path });
    const onEvent = (e: Event) => open((e as CustomEvent<string>).detail ?? current);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        open(current);
      }
    };
    window.addEventListener(SHORTCUT_EVENTS.search, onEvent);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(SHORTCUT_EVENTS.search, onEvent);
      window.removeEventListener('keydown', onKey);
    };
  }, [current, kept, show]);

  if (!state) return null;
  const hrefOf = (m: SearchMatch) => `${browseHref(connection, m.path)}?${withMatchMark(withSearchState(params, state), markOf(m))}`;
  return (
    <Suspense fallback={<aside aria-label={t('panel')} aria-busy="true" className="w-[26rem] shrink-0 border-l border-border bg-panel max-md:hidden" />}>
      <SearchPanel
        connection={connection}
        state={state}
        onSearch={(next) => show(next)}
        onClose={() => {
          setKept(null);
          show(null);
        }}
        hrefOf={hrefOf}
      />
    </Suspense>
  );
}
