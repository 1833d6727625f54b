'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { childrenPageQuery } from '@/lib/client/children';
import { checkPath, joinPath } from '@/lib/shared/path';

/** How many completions the palette lists. */
const SHOWN = 50;

/**
 * The children of the typed path's parent whose names start with its last segment, from the
 * server's paged, sorted listing: one page, so it works under a node with 100,000 children.
 */
export function usePathCompletions(connection: string, typed: string, enabled: boolean): { parent: string; paths: string[]; total: number | undefined } {
  const client = useQueryClient();
  const slash = typed.lastIndexOf('/');
  const parent = typed.slice(0, slash) || '/';
  const prefix = typed.slice(slash + 1);
  const { data } = useQuery({ ...childrenPageQuery(connection, parent, { prefix, contains: '' }, 0, client), enabled: enabled && slash >= 0 && checkPath(parent).ok });
  return { parent, paths: (data?.children ?? []).slice(0, SHOWN).map((c) => joinPath(parent, c.name)), total: data?.total };
}
