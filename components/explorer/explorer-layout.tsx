import { Suspense, type ReactNode } from 'react';
import { SidebarLists } from '@/components/bookmarks/sidebar-lists';
import { SearchSlot } from '@/components/search/search-slot';
import { NodeTree } from './node-tree';
import { PathToolbar } from './path-toolbar';
import { TreeDrawer } from './tree-drawer';

/** Tree on the left (a drawer on narrow screens), the selected node on the right; the layout (and the tree's state) persists across nodes. */
export function ExplorerLayout({ connection, children }: { connection: string; children: ReactNode }) {
  return (
    <div className="flex min-h-0 flex-1">
      <TreeDrawer>
        <NodeTree connection={connection} />
        <SidebarLists connection={connection} />
      </TreeDrawer>
      {/* On a phone the tree's button floats at the bottom: the node panel ends above it. */}
      <main className="flex min-w-0 flex-1 flex-col max-md:pb-14">
        <PathToolbar connection={connection} />
        {children}
      </main>
      <Suspense>
        <SearchSlot connection={connection} />
      </Suspense>
    </div>
  );
}
