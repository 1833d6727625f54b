/**
 * `npm test`: lint, unit tests, integration tests (real ZooKeeper), the production build, then the
 * end-to-end tests in Chromium. Every stage runs even after an earlier one failed (except e2e,
 * which needs the build); exits non-zero when anything failed. The last line is the total:
 * "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureZooKeeper } from './lib/deps';
import { ensureBuild } from './lib/next-build';
import { DATA_ROOT, REPO_ROOT } from './lib/paths';

const ESLINT = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const VITEST = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const PLAYWRIGHT = path.join(REPO_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const REPORTS = path.join(DATA_ROOT, 'reports');

interface StageResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readReport<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** A run that failed without a failed test (a file that did not load, a server that did not start) still fails. */
function result(name: string, started: number, code: number, passed: number, failed: number, skipped: number): StageResult {
  const note = code !== 0 && failed === 0 ? `exited with code ${code} without a failing test` : undefined;
  return { name, passed, failed: note ? 1 : failed, skipped, seconds: (Date.now() - started) / 1000, note };
}

/** ESLint, including the layer rules: each file with a problem counts as one failure. */
async function lint(): Promise<StageResult> {
  const started = Date.now();
  const out = path.join(REPORTS, 'eslint.json');
  fs.rmSync(out, { force: true });
  console.log('\n=== lint ===');
  const code = await run([ESLINT, '.', '--max-warnings=0', '--format=stylish']);
  const files = code === 0 ? [] : await lintedFiles(out);
  const r = result('lint', started, code, 0, files.filter((f) => f.errorCount + f.warningCount > 0).length, 0);
  return { ...r, note: r.note ?? (code === 0 ? 'clean' : undefined) };
}

async function lintedFiles(out: string): Promise<Array<{ errorCount: number; warningCount: number }>> {
  await run([ESLINT, '.', '--format=json', `--output-file=${out}`]);
  return readReport<Array<{ errorCount: number; warningCount: number }>>(out) ?? [];
}

async function vitest(project: 'unit' | 'integration'): Promise<StageResult> {
  const started = Date.now();
  const out = path.join(REPORTS, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n=== ${project} tests ===`);
  const code = await run([VITEST, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const r = readReport<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  return result(project, started, code, r?.numPassedTests ?? 0, r?.numFailedTests ?? 0, (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0));
}

async function build(): Promise<StageResult> {
  const started = Date.now();
  console.log('\n=== build ===');
  try {
    const built = await ensureBuild();
    return { name: 'build', passed: 0, failed: 0, skipped: 0, seconds: (Date.now() - started) / 1000, note: built ? 'built' : 'up to date' };
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return { name: 'build', passed: 0, failed: 1, skipped: 0, seconds: (Date.now() - started) / 1000, note: 'next build failed' };
  }
}

async function e2e(): Promise<StageResult> {
  const started = Date.now();
  const out = path.join(REPORTS, 'playwright.json');
  fs.rmSync(out, { force: true });
  console.log('\n=== e2e tests ===');
  const code = await run([PLAYWRIGHT, 'test', '--reporter=list,json'], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: out });
  const stats = readReport<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out)?.stats;
  return result('e2e', started, code, (stats?.expected ?? 0) + (stats?.flaky ?? 0), stats?.unexpected ?? 0, stats?.skipped ?? 0);
}

function summarize(stages: StageResult[]): number {
  console.log('\n=== summary ===');
  for (const s of stages) {
    const counts = s.name === 'build' || (s.name === 'lint' && !s.failed) ? (s.failed ? 'failed' : 'ok') : `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
    console.log(`${s.name.padEnd(12)} ${counts}  (${s.seconds.toFixed(1)} s${s.note ? `; ${s.note}` : ''})`);
  }
  const total = (k: 'passed' | 'failed' | 'skipped') => stages.reduce((n, s) => n + s[k], 0);
  const skipped = total('skipped');
  console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return total('failed') === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  fs.mkdirSync(REPORTS, { recursive: true });
  try {
    ensureZooKeeper();
    ensureChromium();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return summarize([{ name: 'deps', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'missing system packages' }]);
  }
  const stages = [await lint(), await vitest('unit'), await vitest('integration')];
  const built = await build();
  stages.push(built);
  if (!built.failed) stages.push(await e2e());
  return summarize(stages);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
