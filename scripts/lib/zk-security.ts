/**
 * What a secured test ZooKeeper needs, made in a directory of its own: a CA, a server certificate
 * in a PKCS12 keystore and the CA in a PKCS12 truststore (made with the JDK's keytool, as an
 * operator would), PEM files for the client (the C client reads PEM only), a second CA that signed
 * nothing of the server's (the "wrong CA"), and a JAAS file for SASL DIGEST-MD5 users.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TlsMaterial {
  /** The server side, for startStandalone({ tls }). */
  server: { keyStore: string; trustStore: string; password: string };
  /** The client side: the CA that signed the server, and a client certificate it signed too. */
  ca: string;
  cert: string;
  key: string;
  /** A CA that did not sign the server's certificate. */
  wrongCa: string;
}

const STORE_PASSWORD = 'zooscope-test';

function run(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: 'pipe' });
}

function makeCa(dir: string, name: string): void {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=zooscope ${name}`], dir);
}

/** A key and a certificate for `cn`, signed by the CA `ca` (with the loopback names as SANs). */
function makeSigned(dir: string, name: string, cn: string, ca: string): void {
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
  fs.writeFileSync(path.join(dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run('openssl', ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`], dir);
}

export function makeTlsMaterial(dir: string): TlsMaterial {
  fs.mkdirSync(dir, { recursive: true });
  makeCa(dir, 'ca');
  makeCa(dir, 'wrong-ca');
  makeSigned(dir, 'server', '127.0.0.1', 'ca');
  makeSigned(dir, 'client', 'zooscope-client', 'ca');
  run('openssl', ['pkcs12', '-export', '-in', 'server.pem', '-inkey', 'server.key', '-certfile', 'ca.pem', '-out', 'server.p12', '-passout', `pass:${STORE_PASSWORD}`], dir);
  run('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.pem', '-keystore', 'trust.p12', '-storetype', 'PKCS12', '-storepass', STORE_PASSWORD], dir);
  const file = (f: string) => path.join(dir, f);
  return {
    server: { keyStore: file('server.p12'), trustStore: file('trust.p12'), password: STORE_PASSWORD },
    ca: file('ca.pem'),
    cert: file('client.pem'),
    key: file('client.key'),
    wrongCa: file('wrong-ca.pem'),
  };
}

/** A JAAS file whose `Server` section lets these DIGEST-MD5 users in; returns its path. */
export function writeDigestJaas(dir: string, users: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  const entries = Object.entries(users).map(([user, password]) => `  user_${user}="${password}"`);
  const file = path.join(dir, 'jaas.conf');
  fs.writeFileSync(file, `Server {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n${entries.join('\n')};\n};\n`);
  return file;
}
