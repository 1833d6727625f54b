/**
 * `npm run cli` (issue 10, §7) as cron runs it: a real process against the test ZooKeeper, its
 * exit codes, files and audit.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multi } from '@/lib/zk/multi';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { pathsBelow, session } from './support/bulk';
import { useLocalMode } from './support/local-mode';

const saved = { ...process.env };
let dir: string;
let root: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', '--conditions=react-server', 'scripts/cli.ts', ...args], { env: { ...process.env, ZK_CONNECT: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = useLocalMode('bulk-cli');
  root = uniqueRoot('bulkcli');
  await multi(session(), ['', '/a', '/a/b'].map((p) => ({ op: 'create' as const, path: `${root}${p}`, data: Buffer.from(`v${p}`) })));
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('npm run cli', () => {
  it('exports, imports, refuses a conflict and copies, with exit codes', async () => {
    const connect = ['--connect', testConnectString()];
    const file = join(dir, 'backup.zkexport.gz');
    const exported = await cli('export', root, '--out', file, ...connect);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = gunzipSync(readFileSync(file)).toString().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(1, -1).map((l) => l.path)).toEqual(['', 'a', 'a/b']);

    const imported = await cli('import', file, '--to', `${root}-restored`, ...connect);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 3, failed: 0 });
    expect(await pathsBelow(session(), `${root}-restored`)).toEqual([`${root}-restored`, `${root}-restored/a`, `${root}-restored/a/b`]);

    const again = await cli('import', file, '--to', `${root}-restored`, ...connect);
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, failed: 3 });

    const copied = await cli('copy', root, `${root}-copy`, '--move', ...connect);
    expect(copied.code, copied.stderr).toBe(0);
    expect(await session().run((h) => h.exists(root))).toBeNull();

    const usage = await cli('import', file, ...connect);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/import needs --to PATH/);
    expect((await cli('--help')).stdout).toMatch(/export PATH.*\n.*import FILE.*\n.*copy FROM TO/);
  }, 120_000);
});
