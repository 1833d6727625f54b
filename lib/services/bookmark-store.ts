/** Bookmarks in the app's SQLite file: one row per (owner, connection, path). */
import 'server-only';
import type Database from 'better-sqlite3';
import { appDatabase } from '@/lib/audit/store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bookmarks (
  owner TEXT NOT NULL,
  connection TEXT NOT NULL,
  path TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (owner, connection, path)
);
`;

const ready = new WeakSet<Database.Database>();

function db(): Database.Database {
  const handle = appDatabase();
  if (!ready.has(handle)) {
    handle.exec(SCHEMA);
    ready.add(handle);
  }
  return handle;
}

export interface BookmarkRow {
  path: string;
  createdAt: number;
}

export function listBookmarkRows(owner: string, connection: string): BookmarkRow[] {
  return db().prepare('SELECT path, created AS createdAt FROM bookmarks WHERE owner = ? AND connection = ? ORDER BY created, path').all(owner, connection) as BookmarkRow[];
}

export function countBookmarks(owner: string, connection: string): number {
  return (db().prepare('SELECT COUNT(*) AS n FROM bookmarks WHERE owner = ? AND connection = ?').get(owner, connection) as { n: number }).n;
}

/** Adds a bookmark (kept as it was when it exists already). */
/** False when the bookmark was there already. */
export function insertBookmark(owner: string, connection: string, path: string, created: number): boolean {
  return db().prepare('INSERT OR IGNORE INTO bookmarks (owner, connection, path, created) VALUES (?, ?, ?, ?)').run(owner, connection, path, created).changes > 0;
}

/** False when there was no such bookmark. */
export function deleteBookmark(owner: string, connection: string, path: string): boolean {
  return db().prepare('DELETE FROM bookmarks WHERE owner = ? AND connection = ? AND path = ?').run(owner, connection, path).changes > 0;
}
