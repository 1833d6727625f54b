/** ACLs the operator saved under a name, per connection, kept in this browser (localStorage). */
import { useSyncExternalStore } from 'react';
import type { AclEntry } from '@/lib/shared/types';
import { subscribeLocal, writeLocal } from './local-store';

export interface SavedAcl {
  name: string;
  acl: AclEntry[];
}

const key = (connection: string) => `zooscope:saved-acls:${connection}`;
const cache = new Map<string, { raw: string | null; list: SavedAcl[] }>();
const NONE: SavedAcl[] = [];

function isEntry(e: unknown): e is AclEntry {
  const x = e as AclEntry | null;
  return typeof x?.scheme === 'string' && typeof x.id === 'string' && typeof x.perms === 'string';
}

function read(connection: string): SavedAcl[] {
  const raw = localStorage.getItem(key(connection));
  const hit = cache.get(connection);
  if (hit && hit.raw === raw) return hit.list;
  let list: SavedAcl[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) {
      list = parsed.filter((s: Partial<SavedAcl>): s is SavedAcl => typeof s?.name === 'string' && Array.isArray(s.acl) && s.acl.length > 0 && s.acl.every(isEntry));
    }
  } catch {
    // A damaged entry starts the list afresh.
  }
  cache.set(connection, { raw, list });
  return list;
}

/** Saves `acl` under `name` (replacing one of that name), sorted by name. */
export function saveAcl(connection: string, name: string, acl: AclEntry[]): void {
  const next = [...read(connection).filter((s) => s.name !== name), { name, acl }].sort((a, b) => a.name.localeCompare(b.name));
  writeLocal(key(connection), JSON.stringify(next));
}

export function forgetSavedAcl(connection: string, name: string): void {
  writeLocal(key(connection), JSON.stringify(read(connection).filter((s) => s.name !== name)));
}

export function useSavedAcls(connection: string): SavedAcl[] {
  return useSyncExternalStore(subscribeLocal, () => read(connection), () => NONE);
}
