/**
 * One question before leaving a page with unsaved work: the editor that has some sets the reason,
 * and in-app navigation (links, the tree, the path bar), reload and close ask first.
 */
let reason: string | null = null;

export function setLeaveGuard(next: string | null): void {
  reason = next;
}

/** True when there is nothing to lose, or the operator chose to leave anyway. */
export function confirmLeave(): boolean {
  return reason === null || window.confirm(reason);
}
