/**
 * The dashboard's SQLite file: the audit log and the connections added at run time. By default
 * `.data/audit.sqlite` under the working directory, or ZOOSCOPE_AUDIT_FILE.
 */
import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export function dataFile(): string {
  // A run-time location, not a source file: keep the bundler from tracing the whole project.
  return resolve(/* turbopackIgnore: true */ process.env.ZOOSCOPE_AUDIT_FILE?.trim() || '.data/audit.sqlite');
}

/** Opens the file (creating its folder) in WAL mode and creates the tables of `schema`. */
export function openDataFile(file: string, schema: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const handle = new Database(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('busy_timeout = 5000');
  handle.exec(schema);
  return handle;
}
