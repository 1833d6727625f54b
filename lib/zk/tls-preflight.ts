import 'server-only';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { ZkError } from './errors';
import { parseConnectString } from './host-port';
import type { ConnectionTls } from '@/lib/shared/types';

/**
 * The C client retries a failed TLS handshake for ever and says nothing to its caller, so a
 * session with an untrusted server certificate would just never connect. One handshake from Node
 * with the same files names the problem instead. Like the C client, it checks the chain but not
 * the host name.
 */

const HANDSHAKE_TIMEOUT_MS = 3000;

/** Node's codes for a server certificate that does not verify against the CA. */
const UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/;
/** TLS alerts with which the server refuses the client's certificate. */
const CLIENT_REFUSED = /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/;
/** The peer is not reached at all: the C client reports that as an unavailable connection. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

function explain(address: string, e: NodeJS.ErrnoException, files: ConnectionTls): string {
  const code = e.code ?? 'unknown';
  const base = `The TLS handshake with ${address} failed: ${e.message}`;
  if (UNTRUSTED.test(code)) return `${base} (${code}). The server's certificate is not signed by the CA in tls.ca (${files.ca}).`;
  if (CLIENT_REFUSED.test(code)) return `${base} (${code}). The server refused the client certificate tls.cert (${files.cert}): its truststore does not hold the CA that signed it.`;
  if (code === 'ECONNRESET' || /wrong version number|packet length too long/i.test(e.message)) {
    return `${base}. The port does not speak TLS: give the server's secureClientPort in the connect string.`;
  }
  return `${base} (${code}).`;
}

/** One handshake: 'ok', 'unreachable', or what went wrong. */
function handshake(host: string, port: number, address: string, files: ConnectionTls): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      ca: readFileSync(files.ca),
      cert: readFileSync(files.cert),
      key: readFileSync(files.key),
      passphrase: files.keyPassword,
      checkServerIdentity: () => undefined,
    });
    const done = (problem: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    let secured = false;
    const timer = setTimeout(() => done(secured ? 'ok' : 'unreachable'), HANDSHAKE_TIMEOUT_MS);
    // TLS 1.3: the server's refusal of our certificate arrives just after the handshake completes.
    socket.once('secureConnect', () => {
      secured = true;
      setTimeout(() => done('ok'), 200);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => done(UNREACHABLE.has(e.code ?? '') ? 'unreachable' : explain(address, e, files)));
  });
}

/** A TLS_HANDSHAKE error when no server completes the handshake and one of them refused it. */
export async function tlsHandshakeError(connectString: string, files: ConnectionTls): Promise<ZkError | null> {
  let problem: string | null = null;
  for (const server of parseConnectString(connectString).servers) {
    const result = await handshake(server.host, server.port, server.address, files).catch((e: Error) => `Cannot read the TLS files: ${e.message}`);
    if (result === 'ok') return null;
    if (result !== 'unreachable') problem ??= result;
  }
  return problem ? new ZkError('TLS_HANDSHAKE', problem) : null;
}
