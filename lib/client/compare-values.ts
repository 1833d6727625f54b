/**
 * One side of a changed node of a comparison, for the side-by-side diff: the live node (its value
 * and ACL queries, shared with the node panel's cache) or the node as the export file has it.
 */
import { useQuery } from '@tanstack/react-query';
import { absoluteUnder } from '@/lib/shared/compare';
import type { AclEntry } from '@/lib/shared/types';
import { aclQuery } from './acl';
import { base64ToBytes } from './bytes';
import { exportedNodeQuery } from './export-file';
import { nodeQuery } from './nodes';

/** A side of a comparison: a subtree of a connection, or an export file. */
export type CompareTarget = { connection: string; root: string } | { file: File };

export interface SideValue {
  bytes: Uint8Array;
  acl: AclEntry[];
}

/** `value` is undefined while loading, null when the side has no such node (any more). */
export function useCompareSide(target: CompareTarget, path: string): { value: SideValue | null | undefined; error: unknown } {
  const live = 'connection' in target ? { connection: target.connection, path: absoluteUnder(target.root, path) } : null;
  const file = 'file' in target ? target.file : null;
  const node = useQuery({ ...nodeQuery(live?.connection ?? '', live?.path ?? '/'), enabled: live !== null });
  const acl = useQuery({ ...aclQuery(live?.connection ?? '', live?.path ?? '/'), enabled: live !== null });
  const exported = useQuery(exportedNodeQuery(file, path));
  if (file) {
    const found = exported.data;
    return { value: found === undefined ? undefined : found && { bytes: base64ToBytes(found.data), acl: found.acl }, error: exported.error };
  }
  const error = node.error ?? acl.error;
  return { value: node.data && acl.data ? { bytes: base64ToBytes(node.data.data.base64), acl: acl.data.acl } : undefined, error };
}
