/**
 * The dashboard's SQLite file: the audit log and the connections added at run time. By default
 * `.data/audit.sqlite` under the working directory, or ZOOSCOPE_AUDIT_FILE.
 */
import 'server-only';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export function dataFile(): string {
  // A run-time location, not a source file: keep the bundler from tracing the whole project.
  return resolve(/* turbopackIgnore: true */ process.env.ZOOSCOPE_AUDIT_FILE?.trim() || '.data/audit.sqlite');
}

/**
 * The file holds node values: readable by this account only. Its directory is made 0700 (or
 * tightened to it when this account owns it), the file and SQLite's -wal/-shm files 0600.
 */
function restrictAccess(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).uid === process.getuid?.()) chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  // The database's own files, named at run time: not part of the build's trace.
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(/*turbopackIgnore: true*/ f)) chmodSync(f, 0o600);
}

/** Opens the file (creating its folder, for this account only) in WAL mode and creates the tables of `schema`. */
export function openDataFile(file: string, schema: string): Database.Database {
  restrictAccess(file);
  const handle = new Database(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('busy_timeout = 5000');
  handle.exec(schema);
  return handle;
}
