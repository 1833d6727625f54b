/**
 * Reads one node out of an export file in the browser (the value diff of a comparison with a
 * file): the file is streamed, decompressed when it is gzip (told by its magic bytes), and read
 * line by line until the node's line; nothing else is kept. ZooNavigator files are one JSON
 * document: parsed whole.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AclEntry } from '@/lib/shared/types';
import { exportFileKeys } from './query-keys';

export interface FileNode {
  /** base64 */
  data: string;
  acl: AclEntry[];
}

async function textStream(file: Blob): Promise<ReadableStream<string>> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const bytes = head[0] === 0x1f && head[1] === 0x8b ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
  return bytes.pipeThrough(new TextDecoderStream());
}

interface ZooNavigatorNode {
  h: { path: string; data?: string; acl?: Array<{ id: string; scheme: string; permissions: string[] }> };
  t?: ZooNavigatorNode[];
}

const PERM_LETTERS: Record<string, string> = { CREATE: 'c', DELETE: 'd', READ: 'r', WRITE: 'w', ADMIN: 'a' };

/** ZooNavigator's trees are the root's children, each named by the last segment of its path (as the server reads them). */
function fromZooNavigator(text: string, path: string): FileNode | null {
  let level = JSON.parse(text) as ZooNavigatorNode[];
  let found: ZooNavigatorNode | undefined;
  for (const name of path === '' ? [] : path.split('/')) {
    found = level.find((n) => n.h.path.replace(/\/+$/, '').split('/').pop() === name);
    if (!found) return null;
    level = found.t ?? [];
  }
  if (!found) return null;
  const acl = (found.h.acl ?? []).map((e) => ({ scheme: e.scheme, id: e.id, perms: [...new Set(e.permissions.flatMap((p) => (p === 'ALL' ? [...'cdrwa'] : [PERM_LETTERS[p] ?? ''])))].join('') }));
  return { data: found.h.data ?? '', acl };
}

/** The node at `path` (relative to the file's root, "" for the root), or null when the file has none. */
export async function findExportedNode(file: Blob, path: string): Promise<FileNode | null> {
  const reader = (await textStream(file)).getReader();
  let buffered = '';
  let first = true;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffered += value;
      if (first && buffered.trimStart().startsWith('[')) {
        while (!(await reader.read().then((r) => (r.value && (buffered += r.value), r.done))));
        return fromZooNavigator(buffered, path);
      }
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (first) {
          first = false;
          continue;
        }
        const node = JSON.parse(line) as { path?: string; data?: string; acl?: AclEntry[] };
        if (node.path === path) return { data: node.data ?? '', acl: node.acl ?? [] };
      }
      if (done) return null;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A stable id of a picked file for the query keys (a File object is not a key). */
export const fileId = (file: File) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/** Null `file`: a query that never runs (the hook's other side is live). */
export function exportedNodeQuery(file: File | null, path: string) {
  return queryOptions({
    queryKey: exportFileKeys.node(file ? fileId(file) : '', path),
    queryFn: () => findExportedNode(file!, path),
    staleTime: Infinity,
    enabled: file !== null,
  });
}
