/** The checks both readers of export files share; each defect names its line. */
import 'server-only';
import { maxDataBytes } from '@/lib/zk/data';
import { ZkError } from '@/lib/zk/errors';
import type { ExportedNode, ExportHeader } from '@/lib/shared/export-format';

export type ExportRecord = { kind: 'header'; header: ExportHeader } | { kind: 'node'; node: ExportedNode };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function invalidFile(line: number | null, reason: string): ZkError {
  const where = line === null ? 'The file' : `Line ${line}`;
  return new ZkError('INVALID_REQUEST', `${where}: ${reason}. Nothing was written`, undefined, line === null ? undefined : { line });
}

export function decodeBase64(data: string, line: number): Buffer {
  if (data.length % 4 !== 0 || !BASE64.test(data)) throw invalidFile(line, 'data is not valid base64');
  const bytes = Buffer.from(data, 'base64');
  const limit = maxDataBytes();
  if (bytes.length > limit) throw invalidFile(line, `the value is ${bytes.length} bytes; the server accepts at most ${limit} bytes`);
  return bytes;
}

/** Checks that each node comes after its parent (pre-order) and only once. */
export class PreOrderCheck {
  private readonly seen = new Set<string>();

  add(path: string, line: number): void {
    if (this.seen.size === 0 && path !== '') throw invalidFile(line, 'the first node must be the root itself (path "")');
    if (this.seen.has(path)) throw invalidFile(line, `the node "${path}" appears twice`);
    const parent = path === '' ? null : path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (parent !== null && !this.seen.has(parent)) throw invalidFile(line, `the node "${path}" comes before its parent (nodes must be in pre-order)`);
    this.seen.add(path);
  }
}

