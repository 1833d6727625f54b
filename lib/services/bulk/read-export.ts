/**
 * Reads an export file as it streams in: ours (NDJSON, docs/export-format.md) or ZooNavigator's
 * (a JSON array of {h:{path,data,acl},t:[children]} trees), either of them gzip'd or not (told by
 * the magic bytes). Yields the header, then every node in pre-order; any defect is an
 * INVALID_REQUEST naming the line, thrown when the reader reaches it.
 */
import 'server-only';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ZkError } from '@/lib/zk/errors';
import { checkHeader, checkNodeLine, checkSummary, type ExportHeader, type ExportedNode, type ExportNodeLine } from '@/lib/shared/export-format';
import type { AclEntry } from '@/lib/shared/types';
import { invalidFile, PreOrderCheck, decodeBase64, type ExportRecord } from './file-checks';
import { readZooNavigator } from './read-zoonavigator';

export type { ExportRecord } from './file-checks';

const GZIP_MAGIC = [0x1f, 0x8b];


/** The body's bytes, inflated when they start with gzip's magic bytes. */
async function* inflated(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const rest = (async function* () {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
  if (!(head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1])) return yield* rest;
  try {
    yield* Readable.from(rest).pipe(createGunzip());
  } catch (e) {
    if (e instanceof ZkError) throw e;
    throw invalidFile(null, `the gzip data is damaged or truncated (${(e as Error).message})`);
  }
}

/** UTF-8 lines, numbered from 1 (the last one may lack its newline). */
async function* lines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<[number, string]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let n = 0;
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      // Only the new text can hold a newline: a long line is not searched again per chunk.
      let i = text.indexOf('\n');
      if (i < 0) {
        rest += text;
        continue;
      }
      i += rest.length;
      rest += text;
      let start = 0;
      for (; i >= 0; i = rest.indexOf('\n', start)) {
        yield [++n, rest.slice(start, i)];
        start = i + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw invalidFile(n + 1, 'the file is not UTF-8 text');
    throw e;
  }
  if (rest !== '') yield [++n, rest];
}

function toNode(v: ExportNodeLine, line: number): ExportedNode {
  const acl: AclEntry[] = v.acl ?? [];
  if (v.error) return { path: v.path, data: Buffer.alloc(0), acl, error: v.error, line };
  return { path: v.path, data: decodeBase64(v.data!, line), acl, ...(v.stat ? { stat: v.stat } : {}), ...(v.ephemeral ? { ephemeral: true } : {}), line };
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidFile(line, 'not valid JSON (a damaged or truncated file?)');
  }
}

async function* readNdjson(numbered: AsyncGenerator<[number, string]>, first: [number, string]): AsyncGenerator<ExportRecord> {
  const header = parseLine(first[1], first[0]);
  const bad = checkHeader(header);
  if (bad) throw invalidFile(first[0], bad);
  yield { kind: 'header', header: header as ExportHeader };
  const order = new PreOrderCheck();
  let nodes = 0;
  let last = first[0];
  let ended = false;
  for await (const [line, text] of numbered) {
    last = line;
    if (text.trim() === '') continue;
    if (ended) throw invalidFile(line, 'a line follows the summary line');
    const v = parseLine(text, line);
    if (typeof v === 'object' && v !== null && 'summary' in v) {
      const summary = checkSummary(v as Record<string, unknown>, nodes);
      if (summary) throw invalidFile(line, summary);
      ended = true;
      continue;
    }
    const problem = checkNodeLine(v);
    if (problem) throw invalidFile(line, problem);
    const node = toNode(v as ExportNodeLine, line);
    order.add(node.path, line);
    nodes++;
    yield { kind: 'node', node };
  }
  if (!ended) throw invalidFile(last + 1, 'the file ends without its summary line: it is truncated');
}

/**
 * The records of an export file: the header first, then its nodes in pre-order (paths relative
 * to the root). A ZooNavigator file gets a header with `connection: null` and no root line.
 */
export async function* readExportFile(body: AsyncIterable<Uint8Array>): AsyncGenerator<ExportRecord> {
  const numbered = lines(inflated(body));
  const first = await numbered.next();
  if (first.done || first.value[1].trim() === '') throw invalidFile(1, 'the file is empty');
  if (first.value[1].trimStart().startsWith('[')) {
    yield* readZooNavigator(first.value[1], numbered);
    return;
  }
  yield* readNdjson(numbered, first.value);
}
