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
export function insertBookmark(owner: string, connection: string, path: string, created: number): void {
  db().prepare('INSERT OR IGNORE INTO bookmarks (owner, connection, path, created) VALUES (?, ?, ?, ?)').run(owner, connection, path, created);
}

export function deleteBookmark(owner: string, connection: string, path: string): void {
  db().prepare('DELETE FROM bookmarks WHERE owner = ? AND connection = ? AND path = ?').run(owner, connection, path);
}
