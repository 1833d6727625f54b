/**
 * The users file named by ZOOSCOPE_USERS_FILE: `{"users":[{"name","role","hash"}]}` with scrypt
 * hashes. Read on every sign-in check (cached by mtime), so edits apply without a restart.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { isPasswordHash } from './password';
import { ROLES, type Role } from '@/lib/shared/roles';

export const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

const userSchema = z.object({
  name: z.string().regex(USER_NAME_PATTERN, 'name must be 1–64 letters, digits, ".", "_", "@" or "-"'),
  role: z.enum(ROLES as [Role, ...Role[]], { error: `role must be one of ${ROLES.join(', ')}` }),
  hash: z.string().refine(isPasswordHash, 'hash must be an scrypt hash written by `npm run user`'),
});
const fileSchema = z.object({ users: z.array(userSchema) });

export type UserRecord = z.infer<typeof userSchema>;

export function usersFilePath(): string | null {
  return process.env.ZOOSCOPE_USERS_FILE?.trim() || null;
}

interface Cached {
  file: string;
  mtimeMs: number;
  size: number;
  users: UserRecord[];
}
const cache = processSingleton<{ cached: Cached | null }>('users', () => ({ cached: null }));

/** Parses a users file; throws an Error naming the file and the problem. */
export function readUsersFile(file: string): UserRecord[] {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new Error(`The users file ${file} (ZOOSCOPE_USERS_FILE) does not exist; create it with \`npm run user -- add NAME --role admin --password-stdin\``);
  const hit = cache.cached;
  if (hit && hit.file === file && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.users;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`The users file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`The users file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const names = new Set<string>();
  for (const u of parsed.data.users) {
    if (names.has(u.name)) throw new Error(`The users file ${file} lists "${u.name}" twice`);
    names.add(u.name);
  }
  cache.cached = { file, mtimeMs: st.mtimeMs, size: st.size, users: parsed.data.users };
  return parsed.data.users;
}

export function findUser(name: string): UserRecord | null {
  const file = usersFilePath();
  if (!file) return null;
  return readUsersFile(file).find((u) => u.name === name) ?? null;
}

function writeUsers(file: string, users: UserRecord[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Creates or updates one entry; the file is written atomically and readable by its owner only. */
export function upsertUser(file: string, user: UserRecord): 'created' | 'updated' {
  const valid = userSchema.parse(user);
  const users = existsSync(file) ? [...readUsersFile(file)] : [];
  const i = users.findIndex((u) => u.name === valid.name);
  if (i >= 0) users[i] = valid;
  else users.push(valid);
  writeUsers(file, users);
  return i >= 0 ? 'updated' : 'created';
}

export function removeUser(file: string, name: string): boolean {
  const users = existsSync(file) ? readUsersFile(file) : [];
  const kept = users.filter((u) => u.name !== name);
  if (kept.length === users.length) return false;
  writeUsers(file, kept);
  return true;
}
