'use client';

import { useQueryClient } from '@tanstack/react-query';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { ChevronsDownUp, RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { TreeActionsMenu } from '@/components/bulk/bulk-actions';
import type { MenuPlace } from '@/components/bulk/bulk-menu';
import { Button } from '@/components/ui/button';
import { childrenPageQuery, locateChild } from '@/lib/client/children';
import { mayHaveChildren } from '@/lib/client/node-kind';
import { useGuardedPush } from '@/lib/client/guarded-router';
import { childrenKeys } from '@/lib/client/query-keys';
import { browseHref } from '@/lib/client/urls';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { ancestors } from '@/lib/shared/path';
import { requestDelete } from '@/components/node/delete-request';
import { TreeFilter } from './tree-filter';
import { isNodeRow, refOf, ROOT_REF, type TreeModel, type RowRef } from './tree-model';
import { TreeRow, TREE_ROW_HEIGHT } from './tree-row';
import { TreeStatus } from './tree-status';
import { useBrowsePath } from './use-browse-path';
import { useLocateSelected } from './use-locate-selected';
import { useRowWatches } from './use-row-watches';
import { useScrollAnchor } from './use-scroll-anchor';
import { useStableFocus } from './use-stable-focus';
import { useTreeData } from './use-tree-data';
import { textOf, useTreeFilters } from './use-tree-filters';
import { useTreeKeys } from './use-tree-keys';
import { useVisiblePages } from './use-visible-pages';

/**
 * The namespace as a WAI-ARIA tree: lazily expanded, virtualized over a flat list of visible
 * rows, children in server-side pages, a filter per long list. Selecting a node navigates to its
 * URL; the URL expands the way to the selected node.
 */
export function NodeTree({ connection }: { connection: string }) {
  const t = useTranslations('explorer');
  const client = useQueryClient();
  const push = useGuardedPush();
  const selected = useBrowsePath();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(ancestors(selected)));
  const filtering = useTreeFilters();
  const [focus, setFocus] = useState<RowRef>(ROOT_REF);
  const [filterToFocus, setFilterToFocus] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const moveDomFocus = useRef(false);
  const scrolledTo = useRef<string | null>(null);

  // A new URL opens the way to its node (and the node itself).
  const [openedFor, setOpenedFor] = useState(selected);
  if (openedFor !== selected) {
    setOpenedFor(selected);
    setExpanded((prev) => new Set([...prev, ...ancestors(selected)]));
  }

  const data = useTreeData(client, connection, expanded, filtering.filters);
  const { model, source, filterOf, refForPath, nameOf, pathOf, statOf } = data;
  const focusIndex = visibleIndex(model, focus, refForPath);
  useStableFocus(model, data, focus, focusIndex, setFocus);
  const filterIndex = filterToFocus === null ? undefined : model.filterIndexOf(filterToFocus);

  const rangeExtractor = useCallback(
    (range: Range) => {
      // The focused row stays mounted when scrolled away, so the tree keeps its tab stop.
      const rows = defaultRangeExtractor(range);
      for (const extra of [focusIndex, filterIndex]) if (extra !== undefined && extra < range.count && !rows.includes(extra)) rows.push(extra);
      return rows.sort((a, b) => a - b);
    },
    [focusIndex, filterIndex],
  );
  // The compiler skips this component for useVirtualizer's mutable instance (TanStack/virtual#1119).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: model.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TREE_ROW_HEIGHT,
    overscan: 10,
    // The list's own 4 px top padding plus room for the focus ring: a row scrolled to from below
    // (PageDown, type-ahead) is not cut at the bottom edge.
    scrollPaddingEnd: 8,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // Before the effects below: a scroll they ask for wins over the anchor's.
  useScrollAnchor(scrollRef, model, data, TREE_ROW_HEIGHT);

  const selectedRef = useLocateSelected(client, connection, selected, expanded, data);
  const selectedIndex = selectedRef && model.indexOf(selectedRef);

  useLayoutEffect(() => {
    if (selectedIndex === undefined || scrolledTo.current === selected) return;
    scrolledTo.current = selected;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    setFocus(selectedRef!);
  }, [selected, selectedIndex, selectedRef, virtualizer]);

  useLayoutEffect(() => {
    if (!moveDomFocus.current) return;
    moveDomFocus.current = false;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
    treeRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus({ preventScroll: true });
  });

  // The filter row is kept mounted (rangeExtractor); its box takes focus once rendered.
  useLayoutEffect(() => {
    if (filterToFocus === null || filterIndex === undefined) return;
    virtualizer.scrollToIndex(filterIndex, { align: 'auto' });
    const input = scrollRef.current?.querySelector<HTMLInputElement>(`[data-filter-for="${CSS.escape(filterToFocus)}"] input`);
    if (input) {
      input.focus();
      setFilterToFocus(null);
    }
  }, [filterToFocus, filterIndex, items, virtualizer]);

  const toggle = useCallback((path: string, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(path)) next.add(path);
      else next.delete(path);
      return next;
    });
  }, []);

  const openNode = useCallback((path: string) => push(browseHref(connection, path)), [push, connection]);

  // Indices in a re-filtered list mean other nodes: focus moves to the list's owner.
  const keepFocusOutOf = (affected: (parent: string) => boolean) =>
    setFocus((f) => (f.parent !== null && affected(f.parent) ? (refForPath(f.parent) ?? ROOT_REF) : f));
  const applyFilter = (path: string, text: string) => {
    filtering.setText(path, text);
    keepFocusOutOf((p) => p === path);
  };
  const changeMode = (prefix: boolean) => {
    filtering.setMode(prefix);
    keepFocusOutOf((p) => filtering.filters.has(p));
  };

  // With the last page loaded too, a prefix every name shares (the usual first keystrokes) is
  // answered in the browser: names sort, so matching first and last names mean all match.
  const prefetchListEnd = useCallback(
    (path: string) => {
      const total = data.totalOf(path) ?? 0;
      if (total > CHILDREN_PAGE_SIZE) void client.prefetchQuery(childrenPageQuery(connection, path, filterOf(path), Math.ceil(total / CHILDREN_PAGE_SIZE) - 1));
    },
    [client, connection, data, filterOf],
  );

  const focusRowOf = useCallback(
    (path: string) => {
      const ref = refForPath(path);
      if (!ref) return;
      moveDomFocus.current = true;
      setFocus(ref);
    },
    [refForPath],
  );

  const focusIndexAt = (i: number | undefined) => {
    if (i === undefined) return;
    const row = model.rowAt(i);
    if (!isNodeRow(row)) return;
    moveDomFocus.current = true;
    setFocus(refOf(row));
  };
  // Type-ahead in a long list: the server finds the first name with the typed prefix (within the
  // list's filter), then the page search finds its place; only the latest keystroke's answer moves the focus.
  const seekSeq = useRef(0);
  const seek = useCallback(
    async (parent: string, typed: string) => {
      const seq = ++seekSeq.current;
      const filter = filterOf(parent);
      if (!typed.startsWith(filter.prefix)) return;
      const hit = (await client.fetchQuery(childrenPageQuery(connection, parent, { prefix: typed, contains: filter.contains }, 0)).catch(() => null))?.children[0]?.name;
      const index = hit === undefined ? undefined : await locateChild(client, connection, parent, filter, hit).catch(() => undefined);
      if (index === undefined || seq !== seekSeq.current) return;
      moveDomFocus.current = true;
      setFocus({ parent, index });
    },
    [client, connection, filterOf],
  );
  const focusFirstChild = useCallback((parent: string) => {
    moveDomFocus.current = true;
    setFocus({ parent, index: 0 });
  }, []);

  const onKeyDown = useTreeKeys({
    model,
    focusIndex,
    isExpanded: (path) => expanded.has(path),
    nameOf,
    pathOf,
    hasChildren: (row) => mayHaveChildren(statOf(row)),
    hasFilter: source.hasFilter,
    focusIndexAt,
    focusRowOf,
    toggle,
    openNode,
    focusFilter: setFilterToFocus,
    pageRows: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? TREE_ROW_HEIGHT) / TREE_ROW_HEIGHT) - 1),
    seek: (parent, typed) => void seek(parent, typed),
    isLongList: (parent) => (data.totalOf(parent) ?? 0) > CHILDREN_PAGE_SIZE,
    deleteNode: (path) => {
      requestDelete(path);
      if (path !== selected) openNode(path);
    },
  });

  // The row's actions menu: the context-menu key, Shift+F10 or a right click on a row.
  const [rowMenu, setRowMenu] = useState<{ path: string; place: Extract<MenuPlace, { kind: 'row' }> } | null>(null);
  const openRowMenu = (target: EventTarget, at?: { x: number; y: number }) => {
    const row = target instanceof HTMLElement ? target.closest<HTMLElement>('[role="treeitem"]') : null;
    const path = row?.dataset.path;
    if (!row || !path) return false;
    const r = row.getBoundingClientRect();
    setRowMenu({ path, place: { kind: 'row', rect: { left: at?.x ?? r.left + 32, top: at?.y ?? r.top, height: at ? 0 : r.height } } });
    return true;
  };
  const onRowMenuDone = useCallback(() => {
    setRowMenu((menu) => {
      if (menu) requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(menu.path)}"]`)?.focus());
      return null;
    });
  }, []);
  const onTreeKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) && openRowMenu(e.target)) return e.preventDefault();
    onKeyDown(e);
  };
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (openRowMenu(e.target, { x: e.clientX, y: e.clientY })) e.preventDefault();
  };

  const collapseAll = () => setExpanded(new Set(ancestors(selected).slice(0, -1)));
  const refresh = () => client.invalidateQueries({ queryKey: childrenKeys.all(connection) });

  useVisiblePages(connection, client, model, items, filterOf, !virtualizer.isScrolling && filtering.settled);
  useRowWatches(model, items, pathOf, !virtualizer.isScrolling);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-10 shrink-0 items-center gap-1 border-b border-border px-3">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t('namespace')}</h2>
        <div className="ml-auto flex gap-0.5">
          <Button size="icon" variant="ghost" aria-label={t('collapseAll')} title={t('collapseAll')} onClick={collapseAll}>
            <ChevronsDownUp />
          </Button>
          <Button size="icon" variant="ghost" aria-label={t('refresh')} title={t('refresh')} onClick={refresh}>
            <RefreshCw />
          </Button>
        </div>
      </div>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto py-1 [overflow-anchor:none]">
        {/* The tree holds its rows' full height; rows that are not nodes lie over it, outside it. */}
        <div className="relative w-full">
          <div ref={treeRef} role="tree" aria-label={t('namespace')} onKeyDown={onTreeKeyDown} onContextMenu={onContextMenu} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = model.rowAt(item.index);
              if (!isNodeRow(row)) return null;
              const name = nameOf(row);
              const path = pathOf(row);
              // Keyed by path once known, so a row that stays on screen when a filter changes is kept.
              const key = path ?? `${row.kind === 'child' ? row.parent : ''}\u0000${row.kind === 'child' ? row.index : 0}`;
              return (
                <TreeRow
                  key={key}
                  parent={row.kind === 'child' ? row.parent : null}
                  index={row.kind === 'child' ? row.index : 0}
                  level={row.level}
                  setSize={row.kind === 'child' ? row.setSize : 1}
                  name={name}
                  path={path}
                  stat={statOf(row)}
                  flatIndex={item.index}
                  top={item.start}
                  focused={item.index === focusIndex}
                  selected={path === selected}
                  expanded={path !== undefined && expanded.has(path)}
                  onToggle={toggle}
                  onOpen={openNode}
                  onFocusRow={setFocus}
                />
              );
            })}
          </div>
          {items.map((item) => {
            const row = model.rowAt(item.index);
            if (row.kind === 'filter') {
              return (
                <TreeFilter
                  key={`filter\u0000${row.path}`}
                  path={row.path}
                  level={row.level}
                  top={item.start}
                  text={textOf(filterOf(row.path))}
                  prefixMode={filtering.prefixMode}
                  total={data.totalOf(row.path)}
                  onApply={applyFilter}
                  onMode={changeMode}
                  onFocus={prefetchListEnd}
                  onLeave={focusRowOf}
                  onResults={focusFirstChild}
                />
              );
            }
            if (row.kind === 'root' || row.kind === 'child') return null;
            return <TreeStatus key={`${row.kind}\u0000${row.path}`} row={row} filter={filterOf(row.path)} top={item.start} />;
          })}
        </div>
      </div>
      {rowMenu && <TreeActionsMenu connection={connection} path={rowMenu.path} place={rowMenu.place} onDone={onRowMenuDone} />}
    </div>
  );
}

/** The row's index, or its nearest visible ancestor's once a collapse hid it. */
function visibleIndex(model: TreeModel, ref: RowRef, refForPath: (path: string) => RowRef | undefined): number {
  for (let r: RowRef | undefined = ref; r !== undefined; r = r.parent === null ? undefined : refForPath(r.parent)) {
    const index = model.indexOf(r);
    if (index !== undefined) return index;
  }
  return 0;
}
