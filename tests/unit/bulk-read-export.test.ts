import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExportFile, type ExportRecord } from '@/lib/services/bulk/read-export';

const header = { format: 'zooscope-export', version: 1, root: '/app', connection: 'local', exportedAt: '2026-01-01T00:00:00Z' };

function file(nodes: unknown[], summary: unknown = { summary: { nodes: nodes.length, errors: 0, bytes: 0 } }): string {
  return [header, ...nodes, ...(summary ? [summary] : [])].map((l) => JSON.stringify(l)).join('\n') + '\n';
}

async function* chunks(bytes: Buffer, size = 1000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Buffer | string): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of readExportFile(chunks(Buffer.from(bytes)))) out.push(r);
  return out;
}

const node = (path: string, data = '') => ({ path, data: Buffer.from(data).toString('base64'), acl: [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }] });

describe('readExportFile', () => {
  it('reads the header and the nodes of our format, plain and gzip, byte-exact', async () => {
    const text = file([node(''), node('a', 'é?#%'), node('a/b', 'x')]);
    for (const bytes of [Buffer.from(text), gzipSync(text)]) {
      const records = await read(bytes);
      expect(records[0]).toEqual({ kind: 'header', header });
      const nodes = records.slice(1).map((r) => (r.kind === 'node' ? [r.node.path, r.node.data.toString(), r.node.line] : null));
      expect(nodes).toEqual([['', '', 2], ['a', 'é?#%', 3], ['a/b', 'x', 4]]);
    }
  });

  it.each([
    ['a truncated gzip', () => gzipSync(file([node(''), node('a', 'x'.repeat(500))])).subarray(0, 60), /gzip data is damaged or truncated/],
    ['a file without its summary', () => file([node('')], null), /Line 3: the file ends without its summary line/],
    ['another format', () => '{"hello":1}\n', /Line 1: it is not a Zooscope export/],
    ['invalid base64', () => file([node(''), { ...node('a'), data: '@@@=' }]), /Line 3: data is not valid base64/],
    ['a path with ..', () => file([node(''), node('a/../b')]), /Line 3: path "a\/..\/b"/],
    ['an absolute path', () => file([node(''), node('/a')]), /Line 3: path "\/a" must be relative/],
    ['a node before its parent', () => file([node(''), node('a/b')]), /Line 3: the node "a\/b" comes before its parent/],
    ['a value over the size limit', () => file([node(''), node('a', 'x'.repeat(1024 * 1024))]), /Line 3: the value is 1048576 bytes/],
    ['broken JSON', () => file([node('')]).replace('"path"', 'path'), /Line 2: not valid JSON/],
    ['a wrong summary count', () => file([node('')], { summary: { nodes: 5 } }), /Line 3: the summary counts 5 nodes but the file has 1/],
  ])('refuses %s with INVALID_REQUEST naming the line', async (_name, make, message) => {
    await expect(read(make())).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(message) });
  });

  it("reads ZooNavigator's gzip'd tree, its trees named by their last segment", async () => {
    const zn = [
      {
        h: { path: '/cfg', data: Buffer.from('top').toString('base64'), acl: [{ id: 'anyone', scheme: 'world', permissions: ['READ', 'WRITE', 'CREATE', 'DELETE', 'ADMIN'] }] },
        t: [{ h: { path: '/cfg/child', data: '', acl: [{ id: '10.0.0.1', scheme: 'ip', permissions: ['READ'] }] }, t: [] }],
      },
    ];
    const records = await read(gzipSync(JSON.stringify(zn)));
    expect(records[0]).toMatchObject({ kind: 'header', header: { source: 'zoonavigator', connection: null } });
    expect(records.slice(1).map((r) => (r.kind === 'node' ? [r.node.path, r.node.data.toString(), r.node.acl] : null))).toEqual([
      ['cfg', 'top', [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }]],
      ['cfg/child', '', [{ scheme: 'ip', id: '10.0.0.1', perms: 'r' }]],
    ]);
  });
});
