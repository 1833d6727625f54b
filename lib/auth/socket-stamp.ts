/**
 * The addresses a request actually came from and arrived on. Next gives the proxy and route handlers a Web
 * Request without its socket (and its `x-forwarded-for` keeps a value the client sent), so a
 * `next start -H 0.0.0.0`, a container port mapping or a local proxy would reach a local-mode
 * dashboard unnoticed. Node's `http.server.request.start` diagnostics channel runs for every
 * request before any handler, with the socket: it overwrites one header with the socket's local
 * address and one with the peer's, which the gate and the sign-in throttle then trust (a client
 * cannot pre-set them: they are replaced, always).
 * Installed from instrumentation.ts, which Next runs before it serves the first request.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const LOCAL_ADDRESS_HEADER = 'x-zooscope-local-address';
export const REMOTE_ADDRESS_HEADER = 'x-zooscope-remote-address';
/**
 * The method of a request Next cannot even represent (the Fetch standard forbids TRACE, TRACK and
 * CONNECT: building its Request throws, a bare 500). It goes on as OPTIONS with its real method
 * here, and the proxy answers 405 with the envelope (lib/api/request-limits.ts).
 */
export const FORBIDDEN_METHOD_HEADER = 'x-zooscope-method';
const FETCH_FORBIDDEN = new Set(['TRACE', 'TRACK', 'CONNECT']);

const stamp = processSingleton('socketStamp', () => ({ installed: false }));

export function installSocketStamp(): void {
  if (stamp.installed) return;
  stamp.installed = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[LOCAL_ADDRESS_HEADER] = socket.localAddress ?? '';
    request.headers[REMOTE_ADDRESS_HEADER] = socket.remoteAddress ?? '';
    delete request.headers[FORBIDDEN_METHOD_HEADER];
    if (request.method && FETCH_FORBIDDEN.has(request.method)) {
      request.headers[FORBIDDEN_METHOD_HEADER] = request.method;
      request.method = 'OPTIONS';
    }
  });
}

/**
 * The local address the request came in on, or null when this process does not stamp requests
 * (then the header, if any, came from the client and means nothing).
 */
export function localAddressOf(headers: Headers): string | null {
  return stamp.installed ? (headers.get(LOCAL_ADDRESS_HEADER) ?? '') : null;
}

/**
 * Who is asking, for throttling: the peer's address, or behind a reverse proxy named trusted by
 * ZOOSCOPE_TRUSTED_PROXY=1 the last X-Forwarded-For entry (the one that proxy added). "unknown"
 * when this process does not stamp requests.
 */
export function clientAddressOf(headers: Headers): string {
  if (process.env.ZOOSCOPE_TRUSTED_PROXY === '1') {
    const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (stamp.installed && headers.get(REMOTE_ADDRESS_HEADER)) || 'unknown';
}
