/**
 * Connections managed at run time: add, edit, remove (admins; every change audited and
 * conditional on the version the admin saw), and test. Those from ZK_CONNECT and the
 * ZOOSCOPE_CONFIG file are changed there, not here.
 */
import 'server-only';
import type { Operator } from '@/lib/auth/operator';
import { recordAs } from '@/lib/audit/recorder';
import { testReach } from '@/lib/ops/connection-test';
import { stopEnsembleHistory } from '@/lib/ops/ensemble-history';
import { configuredConnections, getConnectionConfig } from '@/lib/zk/config';
import { DEFAULT_SESSION_TIMEOUT_MS } from '@/lib/zk/connection-rules';
import { saslSummary, securityProblem, tlsSummary } from '@/lib/zk/connection-security';
import { deleteConnection, getStoredConnection, insertConnection, updateConnection, type ConnectionFields, type StoredConnection } from '@/lib/zk/connection-store';
import { ZkError } from '@/lib/zk/errors';
import { closeConnectionSessions } from '@/lib/zk/registry';
import type { ConnectionInput, ConnectionTestResult } from '@/lib/shared/wire';

/** The settings to store; an edit's tls without keyPassword keeps the stored one (the API never shows it). */
function fields(input: ConnectionInput, before?: StoredConnection): ConnectionFields {
  const keptPassword = input.tls && input.tls.keyPassword === undefined ? before?.tls?.keyPassword : undefined;
  const tls = input.tls ? { ...input.tls, ...(keptPassword ? { keyPassword: keptPassword } : {}) } : null;
  const c = {
    id: input.id,
    name: input.name?.trim() || input.id,
    connectString: input.connectString.trim(),
    sessionTimeoutMs: input.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
    readOnly: input.readOnly ?? false,
    adminUrl: input.adminUrl?.trim() || null,
    tls: tls && { ...tls, keyPassword: tls.keyPassword || undefined },
    sasl: input.sasl ?? null,
  };
  const problem = securityProblem(c);
  if (problem) throw new ZkError('INVALID_REQUEST', problem);
  return c;
}

/** What the audit log keeps of the settings: the key password never. */
const audited = (c: ConnectionFields) => ({ ...c, tls: tlsSummary(c.tls), sasl: saslSummary(c.sasl) });

function refuseConfigured(id: string): void {
  const configured = configuredConnections().find((c) => c.id === id);
  if (configured) {
    const where = configured.origin === 'environment' ? 'the ZK_CONNECT environment variable' : 'the ZOOSCOPE_CONFIG file';
    throw new ZkError('CONFIG_READ_ONLY', `The connection "${id}" is defined in ${where}; change it there`);
  }
}

/** The stored connection at `version`, or the error that says why it cannot be changed. */
function storedAt(id: string, version: number): StoredConnection {
  refuseConfigured(id);
  const stored = getStoredConnection(id);
  if (!stored) throw new ZkError('UNKNOWN_CONNECTION', `No connection named "${id}" exists`);
  if (stored.version !== version) {
    throw new ZkError('BAD_VERSION', `The connection "${id}" was changed meanwhile (now version ${stored.version}, you saw ${version}); reload it`);
  }
  return stored;
}

/** Sessions, watches and the ensemble sampler of a connection end with its old settings. */
function closeEverything(id: string): number {
  stopEnsembleHistory(id);
  return closeConnectionSessions(id);
}

export function addConnection(operator: Operator, input: ConnectionInput): StoredConnection {
  refuseConfigured(input.id);
  const c = fields(input);
  if (!insertConnection(c)) throw new ZkError('CONNECTION_EXISTS', `A connection named "${c.id}" already exists`);
  recordAs({ operator: operator.name, connection: c.id }, { operation: 'connection_add', versionAfter: 1, detail: audited(c) });
  return getStoredConnection(c.id)!;
}

/** The id is the URL's: a body naming another one would be a rename, which is refused. */
export function editConnection(operator: Operator, id: string, settings: Omit<ConnectionInput, 'id'> & { id?: string }, version: number): StoredConnection {
  if (settings.id !== undefined && settings.id !== id) {
    throw new ZkError('INVALID_REQUEST', `The body names "${settings.id}" but the URL "${id}"; a connection cannot be renamed`);
  }
  const before = storedAt(id, version);
  const c = fields({ ...settings, id }, before);
  if (!updateConnection(c, version)) storedAt(id, version); // changed between the read and the write: say how
  const closed = closeEverything(c.id);
  recordAs(
    { operator: operator.name, connection: c.id },
    { operation: 'connection_edit', versionBefore: version, versionAfter: version + 1, detail: { before: audited(before), after: audited(c), closedSessions: closed } },
  );
  return getStoredConnection(c.id)!;
}

export function removeConnection(operator: Operator, id: string, version: number): { closedSessions: number } {
  const before = storedAt(id, version);
  if (!deleteConnection(id, version)) storedAt(id, version);
  const closed = closeEverything(id);
  recordAs({ operator: operator.name, connection: id }, { operation: 'connection_remove', versionBefore: version, detail: { removed: audited(before), closedSessions: closed } });
  return { closedSessions: closed };
}

/**
 * Tests settings before they are saved (the form's "Test connection"): checked as an add would
 * check them, stored nowhere, audited as a test. Testing an edit without its key password uses
 * the stored one, as saving would.
 */
export async function testConnectionInput(operator: Operator, input: ConnectionInput): Promise<ConnectionTestResult> {
  const c = fields(input, getStoredConnection(input.id) ?? undefined);
  const result = await testReach(c);
  recordAs(
    { operator: operator.name, connection: c.id },
    { operation: 'connection_test', detail: { unsaved: true, settings: audited(c), ok: result.ok, members: result.members.length, error: result.session.error } },
  );
  return result;
}

/** Tests any connection, configured ones too: a fresh session, then every member asked. */
export async function testConnection(operator: Operator, id: string): Promise<ConnectionTestResult> {
  const result = await testReach(getConnectionConfig(id));
  recordAs({ operator: operator.name, connection: id }, { operation: 'connection_test', detail: { ok: result.ok, members: result.members.length, error: result.session.error } });
  return result;
}
