import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findExportedNode } from '@/lib/client/export-file';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const OPEN = [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }];

const ours = [
  { format: 'zooscope-export', version: 1, root: '/app', connection: 'default', exportedAt: '2026-01-01T00:00:00Z' },
  { path: '', data: b64('top'), acl: OPEN },
  { path: 'config', data: b64('{"port":9092}'), acl: OPEN },
  { path: 'config/한국어', data: b64('설정'), acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }] },
  { summary: { nodes: 3, errors: 0, bytes: 0 } },
]
  .map((l) => JSON.stringify(l))
  .join('\n');

describe('reading one node of an export file in the browser', () => {
  it('finds a node of our format by its relative path, gzip or not', async () => {
    for (const file of [new Blob([ours]), new Blob([gzipSync(ours)])]) {
      expect(await findExportedNode(file, 'config/한국어')).toEqual({ data: b64('설정'), acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }] });
      expect((await findExportedNode(file, ''))!.data).toBe(b64('top'));
      expect(await findExportedNode(file, 'nope')).toBeNull();
    }
  });

  it("finds a node of ZooNavigator's format, whose trees are the root's children", async () => {
    const tree = [{ h: { path: '/x/config', data: b64('v'), acl: [{ id: 'anyone', scheme: 'world', permissions: ['READ', 'WRITE'] }] }, t: [{ h: { path: '/x/config/deep', data: b64('d'), acl: [{ id: 'anyone', scheme: 'world', permissions: ['ALL'] }] } }] }];
    const file = new Blob([gzipSync(JSON.stringify(tree))]);
    expect(await findExportedNode(file, 'config')).toEqual({ data: b64('v'), acl: [{ scheme: 'world', id: 'anyone', perms: 'rw' }] });
    expect((await findExportedNode(file, 'config/deep'))!.acl[0].perms).toBe('cdrwa');
    expect(await findExportedNode(file, '')).toBeNull();
  });
});
