/**
 * An uploaded file kept on disk while it is read twice: once to validate all of it (nothing is
 * written while any line may still be bad), once to import it. Large files never sit in memory.
 */
import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Spool {
  /** Reads the file from its start. */
  open(): AsyncIterable<Uint8Array>;
  dispose(): Promise<void>;
}

/** A request body (a web stream, async-iterable in Node) or any other source of bytes. */
export type Upload = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export async function spool(body: Upload, signal?: AbortSignal): Promise<Spool> {
  const dir = await mkdtemp(join(tmpdir(), 'zooscope-import-'));
  const file = join(dir, 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(Readable.from(body as AsyncIterable<Uint8Array>), createWriteStream(file), { signal });
  } catch (e) {
    await dispose();
    throw e;
  }
  return { open: () => createReadStream(file, { highWaterMark: 256 * 1024 }), dispose };
}
