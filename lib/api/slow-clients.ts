/**
 * Time limits for clients that send slowly: a slow-loris holds a socket, and with it memory, for
 * as long as the server waits. Node's own headersTimeout/requestTimeout are checked only every
 * 30 s (connectionsCheckingInterval, fixed when `next start` creates the server), so the limits
 * are kept per socket here, through Node's diagnostics channels (instrumentation.ts installs
 * them before the first request): a new or idle kept-alive connection must deliver a request's
 * headers within HEADERS_TIMEOUT_MS, and a request its whole body within REQUEST_TIMEOUT_MS.
 * Responses are not limited: event streams stay open as long as their reader.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const HEADERS_TIMEOUT_MS = 5_000;
/** The whole request, body included (8 MiB at most). */
export const REQUEST_TIMEOUT_MS = 15_000;

const installed = processSingleton('slowClients', () => ({ done: false }));

function timer(ms: number, fn: () => void): NodeJS.Timeout {
  const t = setTimeout(fn, ms);
  t.unref();
  return t;
}

export function installSlowClientTimeouts(): void {
  if (installed.done) return;
  installed.done = true;
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  const awaitHeaders = (socket: Socket) => {
    const readBefore = socket.bytesRead;
    waiting.set(
      socket,
      timer(HEADERS_TIMEOUT_MS, () => {
        if (socket.destroyed) return;
        // Idle (nothing of a next request arrived): closed quietly, as keep-alive expiry does.
        if (socket.bytesRead === readBefore) socket.destroy();
        else socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }),
    );
  };
  subscribe('net.server.socket', (message) => awaitHeaders((message as { socket: Socket }).socket));
  subscribe('http.server.request.start', (message) => {
    const { request, response, socket } = message as { request: IncomingMessage; response: ServerResponse; socket: Socket };
    clearTimeout(waiting.get(socket));
    if (!request.complete) {
      const body = timer(REQUEST_TIMEOUT_MS, () => {
        if (!request.complete) socket.destroy();
      });
      request.once('end', () => clearTimeout(body));
      response.once('close', () => clearTimeout(body));
    }
    response.once('finish', () => {
      if (!socket.destroyed) awaitHeaders(socket);
    });
  });
}
