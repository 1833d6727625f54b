'use client';

import { useParams } from 'next/navigation';
import { pathFromSegments } from '@/lib/client/urls';

/** The znode path of the current /c/{connection}/browse/{...path} URL. */
export function useBrowsePath(): string {
  const params = useParams<{ path?: string[] }>();
  return pathFromSegments(params.path);
}
