/**
 * What is refused before any route runs, whoever asks: methods no route serves (TRACE, CONNECT,
 * WebDAV verbs) and bodies over the limit. Next truncates a body past its proxy limit (10 MB)
 * and the route then sees broken JSON; here it is a typed 413 instead.
 */
import 'server-only';
import { FORBIDDEN_METHOD_HEADER } from '@/lib/auth/socket-stamp';

/**
 * The largest request body: a 1 MiB value (ZooKeeper's default jute.maxbuffer) as base64, or as
 * JSON text of control characters escaped six bytes each, fits with room to spare.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** An export file sent to the import or compare route is streamed, not parsed whole: it may be larger. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
const UPLOAD_ROUTE = /^\/api\/v1\/connections\/[^/]+\/(import|compare)$/;

const SERVED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface EarlyRefusal {
  status: 405 | 413;
  code: 'METHOD_NOT_ALLOWED' | 'DATA_TOO_LARGE';
  message: string;
  headers?: Record<string, string>;
}

export function tooLarge(bytes: number | null): EarlyRefusal {
  const size = bytes === null ? 'over the limit' : `${bytes} bytes`;
  return { status: 413, code: 'DATA_TOO_LARGE', message: `The request body is ${size}; at most ${MAX_BODY_BYTES} bytes (8 MiB) are accepted` };
}

export function checkRequestShape(request: Request): EarlyRefusal | null {
  const method = (request.headers.get(FORBIDDEN_METHOD_HEADER) ?? request.method).toUpperCase();
  if (!SERVED_METHODS.has(method)) {
    const allow = [...SERVED_METHODS].join(', ');
    return { status: 405, code: 'METHOD_NOT_ALLOWED', message: `${method} is not served here; methods: ${allow}`, headers: { Allow: allow } };
  }
  const length = Number(request.headers.get('content-length'));
  const upload = method === 'POST' && UPLOAD_ROUTE.test(new URL(request.url).pathname);
  if (Number.isFinite(length) && length > (upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)) return upload ? { ...tooLarge(length), message: `The file is ${length} bytes; at most ${MAX_UPLOAD_BYTES} bytes (256 MiB) are imported at once` } : tooLarge(length);
  return null;
}
