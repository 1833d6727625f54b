import 'server-only';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ZkError } from './errors';
import { decodeUtf8, detectFormat } from '@/lib/shared/format';
import { DEFAULT_MAX_DATA_BYTES } from '@/lib/shared/limits';
import type { NodeData, NodeValue } from '@/lib/shared/types';


export function maxDataBytes(): number {
  const configured = Number(process.env.ZOOSCOPE_MAX_DATA_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_DATA_BYTES;
}

/** Refuses a value the server would drop the connection for, before it is sent. */
export function assertDataSize(bytes: Uint8Array, path?: string): void {
  const limit = maxDataBytes();
  if (bytes.length > limit) {
    throw new ZkError(
      'DATA_TOO_LARGE',
      `The value is ${bytes.length} bytes; the server accepts at most ${limit} bytes (jute.maxbuffer)`,
      path,
      { size: bytes.length, limit },
    );
  }
}

/** Gunzipped content is capped so a small bomb cannot exhaust memory. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

function describe(bytes: Buffer): NodeData {
  const text = decodeUtf8(bytes);
  return { base64: bytes.toString('base64'), text, format: detectFormat(bytes), size: bytes.length };
}

/** The content of a gzip value, or null when it is not valid gzip (or inflates past the cap). */
export function inflate(bytes: Buffer): Buffer | null {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    return null;
  }
}

export function encodeData(bytes: Buffer): NodeValue {
  const data: NodeValue = describe(bytes);
  if (data.format === 'gzip') {
    const inflated = inflate(bytes);
    // A value that starts like gzip but is not: shown as binary, nothing inflated.
    if (inflated) data.inflated = describe(inflated);
    else data.format = 'binary';
  }
  return data;
}

export interface DataInput {
  base64?: string;
  text?: string;
  /** Compress the value before storing it (used to save an edited gzip value). */
  compress?: 'gzip';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeDataInput(input: DataInput | undefined, path?: string): Buffer {
  if (!input) return Buffer.alloc(0);
  let bytes: Buffer;
  if (input.base64 !== undefined) {
    const clean = input.base64.replace(/\s+/g, '');
    if (clean.length % 4 !== 0 || !BASE64.test(clean)) {
      throw new ZkError('INVALID_REQUEST', 'data.base64 is not valid base64', path);
    }
    bytes = Buffer.from(clean, 'base64');
  } else {
    bytes = Buffer.from(input.text ?? '', 'utf8');
  }
  if (input.compress === 'gzip') bytes = gzipSync(bytes);
  assertDataSize(bytes, path);
  return bytes;
}
