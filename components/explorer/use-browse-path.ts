'use client';

import { usePathname } from 'next/navigation';
import { pathFromSegments } from '@/lib/client/urls';

const BROWSE = /^\/c\/[^/]+\/browse(?:\/(.*))?$/;

/**
 * The znode path of the current /c/{connection}/browse/{...path} URL. From the pathname, not the
 * route's params: moving between nodes only changes the URL (lib/client/navigate).
 */
export function useBrowsePath(): string {
  const rest = BROWSE.exec(usePathname())?.[1];
  return pathFromSegments(rest ? rest.split('/') : undefined);
}
