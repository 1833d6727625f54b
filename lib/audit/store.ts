/**
 * The audit log: one SQLite file (better-sqlite3), by default `.data/audit.sqlite` under the
 * working directory, or ZOOSCOPE_AUDIT_FILE. Entries older than ZOOSCOPE_AUDIT_RETENTION_DAYS
 * (default 365) are pruned.
 */
import 'server-only';
import { dataFile, openDataFile } from '@/lib/zk/data-file';
import { processSingleton } from '@/lib/zk/singleton';
import type Database from 'better-sqlite3';
import type { AuditEntry, AuditFilter, AuditPage, AuditValue } from '@/lib/shared/audit';

export type NewAuditEntry = Pick<AuditEntry, 'operator' | 'operation'> & Partial<Omit<AuditEntry, 'id' | 'operator' | 'operation'>>;

/** A row as selected (see COLUMNS): the entry with its JSON fields still serialized. */
type Row = Omit<AuditEntry, 'before' | 'after' | 'detail'> & Record<'before' | 'after' | 'detail', string | null>;

const COLUMNS = 'id, time, operator, connection, path, operation, version_before AS versionBefore, version_after AS versionAfter, before, after, detail';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER NOT NULL,
  operator TEXT NOT NULL,
  connection TEXT,
  path TEXT,
  operation TEXT NOT NULL,
  version_before INTEGER,
  version_after INTEGER,
  before TEXT,
  after TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
CREATE INDEX IF NOT EXISTS audit_path ON audit (path);
CREATE INDEX IF NOT EXISTS audit_operator ON audit (operator, time);
`;

function retentionMs(): number {
  const days = Number(process.env.ZOOSCOPE_AUDIT_RETENTION_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : 365) * 24 * 3600 * 1000;
}

const PRUNE_EVERY = 1000;

interface Open {
  file: string;
  db: Database.Database;
  inserts: number;
}
/** The open database, if any (its file may change between tests). */
const current = processSingleton<{ open: Open | null }>('audit', () => ({ open: null }));

function db(): Database.Database {
  const file = dataFile();
  const open = current.open;
  if (open && open.file === file && open.db.open) return open.db;
  open?.db.close();
  const handle = openDataFile(file, SCHEMA);
  current.open = { file, db: handle, inserts: 0 };
  prune(handle);
  return handle;
}

/** The app's SQLite database (the audit file), which other stores add their tables to. */
export const appDatabase = db;

function prune(handle: Database.Database): void {
  handle.prepare('DELETE FROM audit WHERE time < ?').run(Date.now() - retentionMs());
}

const toJson = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Appends an entry; answers its id. */
export function recordAudit(entry: NewAuditEntry): number {
  const handle = db();
  const { lastInsertRowid } = handle
    .prepare(
      `INSERT INTO audit (time, operator, connection, path, operation, version_before, version_after, before, after, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.time ?? Date.now(),
      entry.operator,
      entry.connection ?? null,
      entry.path ?? null,
      entry.operation,
      entry.versionBefore ?? null,
      entry.versionAfter ?? null,
      toJson(entry.before),
      toJson(entry.after),
      toJson(entry.detail),
    );
  if (++current.open!.inserts % PRUNE_EVERY === 0) prune(handle);
  return Number(lastInsertRowid);
}

export type AuditOutcome = Partial<Pick<AuditEntry, 'path' | 'versionBefore' | 'versionAfter' | 'before' | 'after' | 'detail'>>;

const OUTCOME_COLUMNS: Record<keyof AuditOutcome, string> = {
  path: 'path',
  versionBefore: 'version_before',
  versionAfter: 'version_after',
  before: 'before',
  after: 'after',
  detail: 'detail',
};

/** Rewrites the fields of an entry recorded before its change was made (see recorder.ts). */
export function finishAudit(id: number, outcome: AuditOutcome): void {
  const keys = (Object.keys(outcome) as Array<keyof AuditOutcome>).filter((k) => k in OUTCOME_COLUMNS);
  if (keys.length === 0) return;
  const json = (k: keyof AuditOutcome) => k === 'before' || k === 'after' || k === 'detail';
  const values = keys.map((k) => (json(k) ? toJson(outcome[k]) : (outcome[k] ?? null)));
  db()
    .prepare(`UPDATE audit SET ${keys.map((k) => `${OUTCOME_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`)
    .run(...values, id);
}

/** Removes an entry whose change was refused before anything was written. */
export function dropAudit(id: number): void {
  db().prepare('DELETE FROM audit WHERE id = ?').run(id);
}

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

function fromRow(r: Row): AuditEntry {
  return { ...r, before: parse<AuditValue>(r.before), after: parse<AuditValue>(r.after), detail: parse<Record<string, unknown>>(r.detail) };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter & { before?: number }): { sql: string; args: unknown[] } {
  const clauses: string[] = [];
  const args: unknown[] = [];
  if (filter.path && filter.path !== '/') {
    clauses.push(`(path = ? OR path LIKE ? ESCAPE '\\')`);
    args.push(filter.path, `${likeEscape(filter.path)}/%`);
  }
  const add = (clause: string, arg: unknown) => {
    clauses.push(clause);
    args.push(arg);
  };
  if (filter.operator) add('operator = ?', filter.operator);
  if (filter.connection) add('connection = ?', filter.connection);
  if (filter.operation) add('operation = ?', filter.operation);
  if (filter.from !== undefined) add('time >= ?', filter.from);
  if (filter.to !== undefined) add('time <= ?', filter.to);
  if (filter.before !== undefined) add('id < ?', filter.before);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

/** Newest first, `limit` at a time; `before` (an id) continues an earlier page. */
export function queryAudit(filter: AuditFilter & { before?: number; limit?: number }): AuditPage {
  const limit = filter.limit ?? 100;
  const w = where(filter);
  const rows = db()
    .prepare(`SELECT ${COLUMNS} FROM audit ${w.sql} ORDER BY id DESC LIMIT ?`)
    .all(...w.args, limit + 1) as Row[];
  const entries = rows.slice(0, limit).map(fromRow);
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}

const EXPORT_BATCH = 500;

/**
 * Every matching entry, oldest first, read in batches: a batch is read at once, so no statement
 * stays open on the connection (which would block audit writes) while the export streams.
 */
export function* iterateAudit(filter: AuditFilter): Generator<AuditEntry> {
  const w = where(filter);
  const statement = db().prepare(`SELECT ${COLUMNS} FROM audit ${w.sql ? `${w.sql} AND` : 'WHERE'} id > ? ORDER BY id ASC LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = statement.all(...w.args, after, EXPORT_BATCH) as Row[];
    for (const row of rows) yield fromRow(row);
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}
