/**
 * Unsaved value edits kept in this browser (localStorage), one per (connection, node), with the
 * version they were made on: coming back to the node offers them again, and a draft of an older
 * version is shown against the new value, never saved over it unseen.
 */
import type { Representation } from './bytes';
import { writeLocal } from './local-store';
import type { Syntax } from './syntax';

export interface Draft {
  /** The node's version the edit was made on. */
  version: number;
  text: string;
  rep: Representation;
  syntax: Syntax;
  pretty: boolean;
  savedAt: number;
}

const key = (connection: string, path: string) => `zooscope:draft:${connection}\u0000${path}`;

export function readDraftRaw(connection: string, path: string): string | null {
  return localStorage.getItem(key(connection, path));
}

/** The draft in `raw` (readDraftRaw), or null when there is none or it is damaged. */
export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft;
    return typeof d.text === 'string' && typeof d.version === 'number' ? d : null;
  } catch {
    return null;
  }
}

export function writeDraft(connection: string, path: string, draft: Draft | null): void {
  writeLocal(key(connection, path), draft && JSON.stringify(draft));
}
