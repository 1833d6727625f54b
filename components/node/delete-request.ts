import { SHORTCUT_EVENTS } from '@/components/ui/keys';

/**
 * The Delete key in the tree asks the node panel's delete dialog to open for a node, which may not
 * be open yet: the request waits here until that node's dialog mounts and takes it.
 */
let pending: string | null = null;

export function requestDelete(path: string): void {
  pending = path;
  window.dispatchEvent(new CustomEvent(SHORTCUT_EVENTS.deleteNode, { detail: path }));
}

/** True once, for the dialog of the node a delete was requested for. */
export function takeDeleteRequest(path: string): boolean {
  if (pending !== path) return false;
  pending = null;
  return true;
}
