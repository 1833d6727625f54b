/**
 * Manages the users file (ZOOSCOPE_USERS_FILE, or --file PATH):
 *
 *   npm run user -- add NAME --role viewer|editor|admin --password-stdin   (creates or updates)
 *   npm run user -- remove NAME
 *   npm run user -- list
 *
 * The password is read from standard input only (never from the command line, where it would
 * land in the shell history and the process list) and stored as an scrypt hash.
 */
import { existsSync } from 'node:fs';
import { hashPassword } from '../lib/auth/password';
import { ROLES, type Role } from '../lib/shared/roles';
import { readUsersFile, upsertUser, removeUser, USER_NAME_PATTERN } from '../lib/auth/users';

const USAGE = `Usage:
  npm run user -- add NAME --role ${ROLES.join('|')} --password-stdin [--file PATH]
  npm run user -- remove NAME [--file PATH]
  npm run user -- list [--file PATH]
The file defaults to $ZOOSCOPE_USERS_FILE.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Password (end with Enter, then Ctrl-D):');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline (from echo or a here-string) is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
    args.splice(i, 2);
    return value;
  };
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const file = option('--file') ?? process.env.ZOOSCOPE_USERS_FILE?.trim();
  const role = option('--role');
  const fromStdin = flag('--password-stdin');
  const [command, name, ...rest] = args;
  if (!file) fail('No users file: set ZOOSCOPE_USERS_FILE or pass --file PATH.');
  if (rest.length > 0) fail(`Unexpected arguments: ${rest.join(' ')}`);

  switch (command) {
    case 'add': {
      if (!name || !USER_NAME_PATTERN.test(name)) fail('NAME must be 1–64 letters, digits, ".", "_", "@" or "-".');
      if (!role || !(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
      if (!fromStdin) fail('Give the password on standard input with --password-stdin (never as an argument).');
      const password = await readStdin();
      if (password.length < 8) fail('The password must be at least 8 characters.');
      const outcome = upsertUser(file, { name, role: role as Role, hash: await hashPassword(password) });
      console.log(`${outcome === 'created' ? 'Added' : 'Updated'} ${name} (${role}) in ${file}`);
      return;
    }
    case 'remove': {
      if (!name) fail('Name the user to remove.');
      if (!removeUser(file, name)) fail(`No user "${name}" in ${file}.`);
      console.log(`Removed ${name} from ${file}; their sessions end with their next request.`);
      return;
    }
    case 'list': {
      const users = existsSync(file) ? readUsersFile(file) : [];
      for (const u of users) console.log(`${u.name}\t${u.role}`);
      if (users.length === 0) console.log(`(no users in ${file})`);
      return;
    }
    default:
      fail(command ? `Unknown command "${command}".` : 'Give a command.');
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
