/**
 * The connections an admin added at run time, in the dashboard's SQLite file (next to the audit
 * log). Each row has a version that every change must name, so two admins never overwrite each
 * other unseen.
 */
import 'server-only';
import type Database from 'better-sqlite3';
import { dataFile, openDataFile } from './data-file';
import { processSingleton } from './singleton';
import type { ConnectionConfig, ConnectionSasl, ConnectionTls } from '@/lib/shared/types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  connect_string TEXT NOT NULL,
  session_timeout_ms INTEGER NOT NULL,
  read_only INTEGER NOT NULL,
  admin_url TEXT,
  tls TEXT,
  sasl TEXT,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`;

export interface StoredConnection extends ConnectionConfig {
  origin: 'runtime';
  adminUrl: string | null;
  tls: ConnectionTls | null;
  sasl: ConnectionSasl | null;
  version: number;
}

/** Columns added since the table was first made: added to a file made before them. */
const ADDED_COLUMNS = ['tls', 'sasl'];

type Row = { id: string; name: string; connectString: string; sessionTimeoutMs: number; readOnly: number; adminUrl: string | null; tls: string | null; sasl: string | null; version: number };
const COLUMNS = 'id, name, connect_string AS connectString, session_timeout_ms AS sessionTimeoutMs, read_only AS readOnly, admin_url AS adminUrl, tls, sasl, version';

const current = processSingleton<{ file: string | null; db: Database.Database | null }>('connection-store', () => ({ file: null, db: null }));

function db(): Database.Database {
  const file = dataFile();
  if (current.db?.open && current.file === file) return current.db;
  current.db?.close();
  current.db = openDataFile(file, SCHEMA);
  const present = new Set((current.db.prepare('PRAGMA table_info(connections)').all() as Array<{ name: string }>).map((c) => c.name));
  for (const column of ADDED_COLUMNS) if (!present.has(column)) current.db.exec(`ALTER TABLE connections ADD COLUMN ${column} TEXT`);
  current.file = file;
  return current.db;
}

// tls and sasl are JSON; the file is readable by the dashboard's account only (see data-file.ts).
const fromRow = (r: Row): StoredConnection => ({
  ...r,
  readOnly: r.readOnly === 1,
  tls: r.tls ? (JSON.parse(r.tls) as ConnectionTls) : null,
  sasl: r.sasl ? (JSON.parse(r.sasl) as ConnectionSasl) : null,
  origin: 'runtime',
});
const json = (v: unknown) => (v ? JSON.stringify(v) : null);

export function listStoredConnections(): StoredConnection[] {
  return (db().prepare(`SELECT ${COLUMNS} FROM connections ORDER BY name, id`).all() as Row[]).map(fromRow);
}

export function getStoredConnection(id: string): StoredConnection | null {
  const row = db().prepare(`SELECT ${COLUMNS} FROM connections WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

export type ConnectionFields = Pick<ConnectionConfig, 'id' | 'name' | 'connectString' | 'sessionTimeoutMs' | 'readOnly'> & {
  adminUrl: string | null;
  tls: ConnectionTls | null;
  sasl: ConnectionSasl | null;
};

/** Inserts version 1; false when the id is taken. */
export function insertConnection(c: ConnectionFields): boolean {
  const now = Date.now();
  const result = db()
    .prepare(
      `INSERT OR IGNORE INTO connections (id, name, connect_string, session_timeout_ms, read_only, admin_url, tls, sasl, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(c.id, c.name, c.connectString, c.sessionTimeoutMs, c.readOnly ? 1 : 0, c.adminUrl, json(c.tls), json(c.sasl), now, now);
  return result.changes === 1;
}

/** Replaces the row if it is still at `version`; false otherwise (gone or changed meanwhile). */
export function updateConnection(c: ConnectionFields, version: number): boolean {
  const result = db()
    .prepare(
      `UPDATE connections SET name = ?, connect_string = ?, session_timeout_ms = ?, read_only = ?, admin_url = ?, tls = ?, sasl = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    )
    .run(c.name, c.connectString, c.sessionTimeoutMs, c.readOnly ? 1 : 0, c.adminUrl, json(c.tls), json(c.sasl), Date.now(), c.id, version);
  return result.changes === 1;
}

/** Deletes the row if it is still at `version`. */
export function deleteConnection(id: string, version: number): boolean {
  return db().prepare('DELETE FROM connections WHERE id = ? AND version = ?').run(id, version).changes === 1;
}
