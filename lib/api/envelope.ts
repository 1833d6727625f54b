import 'server-only';
import { ZodError } from 'zod';
import type { ErrorCode } from '@/lib/shared/errors';
import { ZkError, isZkError } from '@/lib/zk/errors';
import { checkRequestShape, MAX_BODY_BYTES, tooLarge } from './request-limits';

const STATUS: Record<ErrorCode, number> = {
  INVALID_PATH: 400,
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  NO_AUTH: 403,
  AUTH_FAILED: 403,
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  READ_ONLY: 403,
  NO_NODE: 404,
  UNKNOWN_CONNECTION: 404,
  NODE_EXISTS: 409,
  BAD_VERSION: 409,
  NOT_EMPTY: 409,
  CONFIG_READ_ONLY: 409,
  CONNECTION_EXISTS: 409,
  NO_CHILDREN_FOR_EPHEMERALS: 409,
  DATA_TOO_LARGE: 413,
  UNSUPPORTED: 422,
  RATE_LIMITED: 429,
  WATCH_LIMIT: 429,
  CONFIRMATION_REQUIRED: 428,
  INTERNAL: 500,
  CONNECTION_UNAVAILABLE: 503,
  TLS_HANDSHAKE: 502,
  AUDIT_UNAVAILABLE: 503,
  SESSION_EXPIRED: 503,
  TIMEOUT: 504,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

/** A file to save, streamed (`Content-Disposition: attachment`). */
export function attachment(body: ReadableStream<Uint8Array>, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  });
}

function describeZod(e: ZodError): string {
  return e.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Turns any thrown value into the JSON error envelope; never leaks a stack trace. */
export function errorResponse(e: unknown): Response {
  if (e instanceof ZodError) {
    return json({ error: { code: 'INVALID_REQUEST', message: `Invalid request: ${describeZod(e)}` } }, 400);
  }
  if (isZkError(e)) {
    const body: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.path !== undefined) body.path = e.path;
    if (e.details) Object.assign(body, e.details);
    const headers: Record<string, string> = {};
    if (e.code === 'RATE_LIMITED' && typeof e.details?.retryAfterSeconds === 'number') {
      headers['Retry-After'] = String(e.details.retryAfterSeconds);
    }
    return json({ error: body }, STATUS[e.code], headers);
  }
  console.error('[zooscope] unexpected error', e);
  return json({ error: { code: 'INTERNAL', message: 'An unexpected error occurred on the server' } }, 500);
}

/** Runs a route body; every error becomes the envelope. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}

/** Reads a JSON body, refusing anything else (a plain HTML form cannot send application/json). */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ZkError('INVALID_REQUEST', 'The request body must be JSON (Content-Type: application/json)');
  }
  const text = await readBounded(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new ZkError('INVALID_REQUEST', 'The request body is not valid JSON');
  }
}

/** The body as text, refused with 413 once it passes MAX_BODY_BYTES (also without Content-Length). */
async function readBounded(request: Request): Promise<string> {
  const early = checkRequestShape(request);
  if (early) throw new ZkError(early.code, early.message);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.length;
    if (size > MAX_BODY_BYTES) {
      void reader.cancel();
      throw new ZkError('DATA_TOO_LARGE', tooLarge(null).message);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
