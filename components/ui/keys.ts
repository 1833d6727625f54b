/** Whether a key event belongs to a text field (global single-key shortcuts must then stay quiet). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Ctrl+key on Windows/Linux, Cmd+key on macOS. */
export function isModKey(e: KeyboardEvent, key: string): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === key;
}

/** Global shortcuts ask a feature to act through window events, so neither imports the other. */
export const SHORTCUT_EVENTS = {
  createNode: 'zooscope:create-node',
  /** detail: the subtree to search (default: the current node). */
  search: 'zooscope:search',
  /** detail: a node path to check added credentials against (optional). */
  identities: 'zooscope:identities',
  /** detail: the node whose delete dialog should open. */
  deleteNode: 'zooscope:delete-node',
} as const;
