import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SESSION_TIMEOUT_MS, fileConnectionSchema } from './connection-rules';
import { listStoredConnections } from './connection-store';
import { ZkError } from './errors';
import type { ConnectionConfig } from '@/lib/shared/types';

const fileSchema = z.union([z.array(fileConnectionSchema), z.object({ connections: z.array(fileConnectionSchema) })]);

function fromEnv(): ConnectionConfig[] {
  const connectString = process.env.ZK_CONNECT?.trim();
  if (!connectString) return [];
  return [
    {
      id: 'default',
      name: process.env.ZK_NAME?.trim() || connectString,
      connectString,
      sessionTimeoutMs: Number(process.env.ZK_SESSION_TIMEOUT_MS) || DEFAULT_SESSION_TIMEOUT_MS,
      readOnly: process.env.ZK_READ_ONLY === 'true',
      adminUrl: process.env.ZK_ADMIN_URL?.trim() || null,
      origin: 'environment',
    },
  ];
}

function fromFile(file: string): ConnectionConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`ZOOSCOPE_CONFIG (${file}) could not be read as JSON: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`ZOOSCOPE_CONFIG (${file}) is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.connections;
  return list.map((c) => ({
    id: c.id,
    name: c.name ?? c.id,
    connectString: c.connectString,
    sessionTimeoutMs: c.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
    readOnly: c.readOnly ?? false,
    adminUrl: c.adminUrl ?? null,
    tls: c.tls ?? null,
    sasl: c.sasl ?? null,
    origin: 'file',
  }));
}

/** ZK_CONNECT (id "default") and the ZOOSCOPE_CONFIG file; the file wins on a clash. */
export function configuredConnections(): ConnectionConfig[] {
  const byId = new Map<string, ConnectionConfig>();
  for (const c of fromEnv()) byId.set(c.id, c);
  const file = process.env.ZOOSCOPE_CONFIG?.trim();
  if (file) for (const c of fromFile(file)) byId.set(c.id, c);
  return [...byId.values()];
}

/** Connections added at run time; none while the data file cannot be read, so the configured ones still serve. */
function storedConnections(): ReturnType<typeof listStoredConnections> {
  try {
    return listStoredConnections();
  } catch (e) {
    console.error('[zooscope] cannot read the connections added at run time:', (e as Error).message);
    return [];
  }
}

/** The configured connections, then those added at run time (an id configured since wins). */
export function listConnections(): Array<ConnectionConfig & { version?: number }> {
  const configured = configuredConnections();
  const ids = new Set(configured.map((c) => c.id));
  return [...configured, ...storedConnections().filter((c) => !ids.has(c.id))];
}

export function getConnectionConfig(id: string): ConnectionConfig {
  const found = configuredConnections().find((c) => c.id === id) ?? storedConnections().find((c) => c.id === id);
  if (!found) throw new ZkError('UNKNOWN_CONNECTION', `No connection named "${id}" is configured`);
  return found;
}
