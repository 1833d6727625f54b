import 'server-only';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { ZkError } from './errors';
import { parseConnectString } from './host-port';
import type { ConnectionTls } from '@/lib/shared/types';

/**
 * The C client retries a failed TLS handshake for ever and says nothing to its caller, and its
 * SSL_connect loop blocks the thread that drives it while a server does not answer, so a session
 * with an untrusted server certificate would just never connect. One handshake from Node with the
 * same files, before the C client is started (session.ts), names the problem instead. Like the C
 * client, it checks the chain but not the host name.
 */

/** A server that does not accept the TCP connection in this time counts as unreachable. */
const CONNECT_TIMEOUT_MS = 3000;
/**
 * A server that took the connection and has not answered the handshake in this time is asked
 * again (a JVM's first TLS handshake after it starts took 2.4 s here, more under load); the C
 * client is not started until one answers.
 */
const HANDSHAKE_TIMEOUT_MS = 6000;

/** Node's codes for a server certificate that does not verify against the CA. */
const UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/;
/** TLS alerts with which the server refuses the client's certificate. */
const CLIENT_REFUSED = /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/;
/** The peer is not reached at all: the C client reports that as an unavailable connection. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

function explain(address: string, e: NodeJS.ErrnoException, files: ConnectionTls): string {
  const code = e.code ?? 'unknown';
  const base = `The TLS handshake with ${address} failed: ${e.message}`;
  // The server's alerts first: their codes contain CERTIFICATE too.
  if (CLIENT_REFUSED.test(code) && !files.cert) {
    return `${base} (${code}). The server requires a client certificate (ssl.clientAuth=need, its default): give tls.cert and tls.key.`;
  }
  if (CLIENT_REFUSED.test(code)) return `${base} (${code}). The server refused the client certificate tls.cert (${files.cert}): its truststore does not hold the CA that signed it.`;
  if (UNTRUSTED.test(code)) return `${base} (${code}). The server's certificate is not signed by the CA in tls.ca (${files.ca}).`;
  if (code === 'ECONNRESET' || /wrong version number|packet length too long/i.test(e.message)) {
    return `${base}. The port does not speak TLS: give the server's secureClientPort in the connect string.`;
  }
  return `${base} (${code}).`;
}

/** The PEM contents handed to every handshake (read once per preflight, not once per server). */
interface TlsSecrets {
  ca: Buffer;
  cert?: Buffer;
  key?: Buffer;
  passphrase?: string;
}

function readSecrets(files: ConnectionTls): TlsSecrets {
  return {
    ca: readFileSync(files.ca),
    cert: files.cert ? readFileSync(files.cert) : undefined,
    key: files.key ? readFileSync(files.key) : undefined,
    passphrase: files.keyPassword,
  };
}

/** One handshake: 'ok', 'unreachable', 'silent', or what went wrong. */
function handshake(host: string, port: number, address: string, files: ConnectionTls, secrets: TlsSecrets): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, ...secrets, checkServerIdentity: () => undefined });
    const done = (problem: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    // A port that takes the connection but does not answer the handshake would hold the C client
    // in its blocking SSL_connect loop: not unreachable, and not to be given to the C client.
    let timer = setTimeout(() => done('unreachable'), CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => done('silent'), HANDSHAKE_TIMEOUT_MS);
    });
    // TLS 1.3: the server's refusal of our certificate arrives just after the handshake completes.
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => done('ok'), 200);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => done(UNREACHABLE.has(e.code ?? '') ? 'unreachable' : explain(address, e, files)));
  });
}

export type TlsPreflight =
  | { kind: 'ok' }
  /** Every server that answered refused: a TLS_HANDSHAKE error naming why. */
  | { kind: 'refused'; error: ZkError }
  /** A server took the connection and has not answered the handshake yet: ask again later. */
  | { kind: 'silent'; message: string };

/**
 * One handshake with every server at once, so the answer comes within one handshake's time
 * however many there are. 'ok' also when no server is reachable over TCP: the C client's connect
 * does not block, and it retries as without TLS.
 */
export async function tlsPreflight(connectString: string, files: ConnectionTls): Promise<TlsPreflight> {
  const servers = parseConnectString(connectString).servers;
  let secrets: TlsSecrets;
  try {
    secrets = readSecrets(files);
  } catch (e) {
    return { kind: 'refused', error: new ZkError('TLS_HANDSHAKE', `Cannot read the TLS files: ${(e as Error).message}`) };
  }
  const attempts = servers.map((server) =>
    // The files were read above: what fails here is Node's TLS taking them (a key that does not match, a wrong passphrase).
    handshake(server.host, server.port, server.address, files, secrets).catch((e: Error) => `The TLS files cannot be used: ${e.message}`),
  );
  // The first server that completes the handshake settles it: the others are not waited for; when
  // none does, every answer is.
  const results = await Promise.any(attempts.map((a) => a.then((r) => (r === 'ok' ? r : Promise.reject(new Error(r)))))).then(
    () => ['ok'],
    () => Promise.all(attempts),
  );
  if (results.includes('ok')) return { kind: 'ok' };
  const problem = results.find((r) => r !== 'unreachable' && r !== 'silent');
  if (problem) return { kind: 'refused', error: new ZkError('TLS_HANDSHAKE', problem) };
  const silent = servers.filter((_, i) => results[i] === 'silent').map((s) => s.address);
  if (silent.length === 0) return { kind: 'ok' };
  return {
    kind: 'silent',
    message: `the TLS handshake with ${silent.join(', ')} got no answer within ${HANDSHAKE_TIMEOUT_MS / 1000} s (asked again every few seconds): the port accepts connections but does not answer TLS. Check that the connect string names the server's secureClientPort.`,
  };
}
