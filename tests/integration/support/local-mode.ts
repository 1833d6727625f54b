/** The environment of a test file that runs the routes in local mode against the test ZooKeeper. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConnectString } from '../../helpers/zk';

/** Local mode, the default connection only, a fresh audit file (in `sub` of a new temporary dir); returns its dir. */
export function useLocalMode(name: string, sub = ''): string {
  const dir = join(mkdtempSync(join(tmpdir(), `zooscope-${name}-`)), sub);
  delete process.env.ZOOSCOPE_USERS_FILE;
  delete process.env.ZOOSCOPE_CONFIG;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  return dir;
}
