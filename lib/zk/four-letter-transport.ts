import 'server-only';
import net from 'node:net';

/**
 * The four-letter-word transport: one word over a plain TCP connection to the client port, and
 * the server's whole answer back (the server closes the connection when done). The scripts'
 * ZooKeeper manager uses it too, so plain-Node callers run with the react-server condition.
 */

export const FOUR_LETTER_TIMEOUT_MS = 2_000;
/** `cons` on a busy server lists every connection; stop reading well before memory matters. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type FourLetterFailure = 'unreachable' | 'timeout' | 'too-large';

export class FourLetterError extends Error {
  readonly kind: FourLetterFailure;
  constructor(kind: FourLetterFailure, message: string) {
    super(message);
    this.name = 'FourLetterError';
    this.kind = kind;
  }
}

export interface FourLetterOptions {
  timeoutMs?: number;
}

/**
 * Sends one four-letter word and returns the server's whole answer (the server closes the
 * connection when done). Rejects with a FourLetterError when the port does not answer in time.
 */
export function sendFourLetterWord(host: string, port: number, word: string, options: FourLetterOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FOUR_LETTER_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (error: FourLetterError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(
      () => finish(new FourLetterError('timeout', `${host}:${port} did not answer "${word}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        finish(new FourLetterError('too-large', `The answer to "${word}" from ${host}:${port} is larger than ${MAX_RESPONSE_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A reset after the answer arrived still leaves a complete answer.
      if (chunks.length > 0 && e.code === 'ECONNRESET') finish(null);
      else finish(new FourLetterError('unreachable', describeSocketError(host, port, e)));
    });
  });
}

function describeSocketError(host: string, port: number, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${host}:${port} (server not running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${host}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `No route to ${host}`;
    case 'ECONNRESET':
      return `${host}:${port} closed the connection without answering`;
    default:
      return `Cannot connect to ${host}:${port}: ${e.message}`;
  }
}
