/** The production build of the app: rebuilt only when a source is newer than .next/BUILD_ID. */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

export const NEXT_BIN = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_ID = path.join(REPO_ROOT, '.next', 'BUILD_ID');
/** Everything `next build` compiles or is configured by. */
const SOURCES = ['app', 'components', 'lib', 'i18n', 'messages', 'public', 'package-lock.json', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json'];

/** The newest file under `target` (a file or a directory) and its modification time. */
function newest(target: string): { file: string; mtimeMs: number } | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return { file: target, mtimeMs: stat.mtimeMs };
  let best: { file: string; mtimeMs: number } | null = null;
  for (const entry of fs.readdirSync(target)) {
    const found = newest(path.join(target, entry));
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Why the build must be redone, or null when .next is up to date. */
export function buildStaleReason(): string | null {
  let built: number;
  try {
    built = fs.statSync(BUILD_ID).mtimeMs;
  } catch {
    return 'no build yet (.next/BUILD_ID is missing)';
  }
  for (const source of SOURCES) {
    const found = newest(path.join(REPO_ROOT, source));
    if (found && found.mtimeMs > built) return `${path.relative(REPO_ROOT, found.file)} changed since the last build`;
  }
  return null;
}

/** Runs the Next CLI (`build`, `start`, `dev`, …) from the repo root. */
export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env, stdio: StdioOptions = 'inherit'): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: REPO_ROOT, env, stdio });
}

/** `next build` when stale; resolves to whether it built. Throws when the build fails. */
export async function ensureBuild(): Promise<boolean> {
  const reason = buildStaleReason();
  if (!reason) return false;
  console.error(`[build] next build: ${reason}`);
  const child = runNext(['build'], { ...process.env, NODE_ENV: 'production' }, ['ignore', 'inherit', 'inherit']);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : null)));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  return true;
}
