/** Browser URLs of the explorer: one per node, /c/{connection}/browse/{...path}. */
import { pathToSegments, segmentsToPath } from '@/lib/shared/path';

export function browseHref(connection: string, path: string): string {
  const segments = pathToSegments(path).map(encodeURIComponent);
  return `/c/${encodeURIComponent(connection)}/browse${segments.length ? `/${segments.join('/')}` : ''}`;
}

export function sectionHref(connection: string, section: 'browse' | 'ensemble' | 'kafka' | 'events'): string {
  return `/c/${encodeURIComponent(connection)}/${section}`;
}

/** The page that lists every connection (and, for admins, manages them). */
export const CONNECTIONS_HREF = '/connections';

/** The znode path of a catch-all route's segments (as the router hands them over, still encoded). */
export function pathFromSegments(segments: readonly string[] | undefined): string {
  return segmentsToPath(segments?.map(decodeSegment));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
