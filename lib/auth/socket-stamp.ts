/**
 * The address a request actually arrived on. Next gives the proxy and route handlers a Web
 * Request without its socket (and its `x-forwarded-for` keeps a value the client sent), so a
 * `next start -H 0.0.0.0`, a container port mapping or a local proxy would reach a local-mode
 * dashboard unnoticed. Node's `http.server.request.start` diagnostics channel runs for every
 * request before any handler, with the socket: it overwrites one header with the socket's local
 * address, which the gate then trusts (a client cannot pre-set it: it is replaced, always).
 * Installed from instrumentation.ts, which Next runs before it serves the first request.
 */
import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const LOCAL_ADDRESS_HEADER = 'x-zooscope-local-address';

const g = globalThis as typeof globalThis & { __zooscopeSocketStamp?: boolean };

export function installSocketStamp(): void {
  if (g.__zooscopeSocketStamp) return;
  g.__zooscopeSocketStamp = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[LOCAL_ADDRESS_HEADER] = socket.localAddress ?? '';
  });
}

/**
 * The local address the request came in on, or null when this process does not stamp requests
 * (then the header, if any, came from the client and means nothing).
 */
export function localAddressOf(headers: Headers): string | null {
  return g.__zooscopeSocketStamp ? (headers.get(LOCAL_ADDRESS_HEADER) ?? '') : null;
}
