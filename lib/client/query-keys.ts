/**
 * Every TanStack Query key of the browser: built by these factories and read back only by
 * parseQueryKey, never by position elsewhere. Keys of one connection start with
 * ['conn', connection, resource] so that prefix matching drops a connection or one resource at once.
 */
import type { AuditFilter } from '@/lib/shared/audit';

/** Parameters of one child-list query: a page of names (stat false) or a chunk of stats. */
export interface ChildrenPageParams {
  prefix: string;
  /** A substring every name contains ("" for none). */
  contains: string;
  offset: number;
  limit: number;
  stat: boolean;
}

/** Every cache key of a connection starts here, so a connection can be dropped at once. */
export const connectionKey = (connection: string) => ['conn', connection] as const;

export const connectionKeys = {
  list: () => ['connections'] as const,
  session: (connection: string) => [...connectionKey(connection), 'session'] as const,
  capabilities: (connection: string) => [...connectionKey(connection), 'capabilities'] as const,
};

export const nodeKeys = {
  all: (connection: string) => [...connectionKey(connection), 'node'] as const,
  detail: (connection: string, path: string) => [...nodeKeys.all(connection), path] as const,
  subtreeAll: (connection: string) => [...connectionKey(connection), 'subtree'] as const,
  subtree: (connection: string, path: string) => [...nodeKeys.subtreeAll(connection), path] as const,
};

export const childrenKeys = {
  /** Every list of every node of the connection. */
  all: (connection: string) => [...connectionKey(connection), 'children'] as const,
  /** Every page, filter and stat chunk of one node's list. */
  of: (connection: string, path: string) => [...childrenKeys.all(connection), path] as const,
  page: (connection: string, path: string, params: ChildrenPageParams) => [...childrenKeys.of(connection, path), params] as const,
};

export const aclKeys = {
  all: (connection: string) => [...connectionKey(connection), 'acl'] as const,
  detail: (connection: string, path: string) => [...aclKeys.all(connection), path] as const,
};

export const bookmarkKeys = {
  list: (connection: string) => [...connectionKey(connection), 'bookmarks'] as const,
};

export const identityKeys = {
  list: (connection: string) => [...connectionKey(connection), 'identities'] as const,
};

export const ensembleKeys = {
  all: (connection: string) => [...connectionKey(connection), 'ensemble'] as const,
  status: (connection: string) => [...ensembleKeys.all(connection), 'status'] as const,
  history: (connection: string) => [...ensembleKeys.all(connection), 'history'] as const,
};

export const kafkaKeys = {
  all: (connection: string) => [...connectionKey(connection), 'kafka'] as const,
  model: (connection: string, root: string) => [...kafkaKeys.all(connection), root] as const,
  /** Where Kafka chroots are (a scan; not under kafkaKeys.all, whose second part is a root). */
  roots: (connection: string) => [...connectionKey(connection), 'kafka-roots'] as const,
};

export const auditKeys = {
  all: () => ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all(), filter] as const,
};

/** Not rooted at a connection: the list spans all of them. */
export const sessionsKeys = {
  all: () => ['sessions'] as const,
  /** The same list with the ephemeral nodes (`dump`): fetched on request only, never polled. */
  withEphemerals: () => ['sessions', 'ephemerals'] as const,
};

/** The ephemeral nodes of one ZooKeeper session (`dump`): fetched on a click, never polled. */
export const ephemeralsKeys = {
  of: (connection: string, session: string) => [...connectionKey(connection), 'ephemerals', session] as const,
};

export const signInKeys = { status: () => ['sign-in'] as const };

/** Nodes read out of an export file the operator picked (a comparison's value diff); never invalidated. */
export const exportFileKeys = {
  node: (file: string, path: string) => ['export-file', file, path] as const,
};

/** A key of one cached query, as the factories above built it. */
export type ParsedQueryKey =
  | { resource: 'node' | 'subtree' | 'acl'; connection: string; path: string }
  | { resource: 'children'; connection: string; path: string; params: ChildrenPageParams }
  | { resource: 'session' | 'capabilities' | 'identities' | 'bookmarks' | 'kafka-roots' | 'ensemble-status' | 'ensemble-history'; connection: string }
  | { resource: 'kafka'; connection: string; root: string }
  | { resource: 'ephemerals'; connection: string; session: string }
  | { resource: 'audit'; filter: AuditFilter }
  | { resource: 'connections' | 'sessions' | 'sign-in' };

export type ConnectionQueryKey = Extract<ParsedQueryKey, { connection: string }>;

function isPageParams(value: unknown): value is ChildrenPageParams {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.prefix === 'string' && typeof p.contains === 'string' && typeof p.offset === 'number' && typeof p.limit === 'number' && typeof p.stat === 'boolean';
}

function parseConnectionKey(connection: string, rest: readonly unknown[]): ConnectionQueryKey | undefined {
  const [resource, arg, params] = rest;
  switch (resource) {
    case 'session':
    case 'capabilities':
    case 'identities':
    case 'bookmarks':
    case 'kafka-roots':
      return rest.length === 1 ? { resource, connection } : undefined;
    case 'ensemble':
      return rest.length === 2 && (arg === 'status' || arg === 'history') ? { resource: `ensemble-${arg}`, connection } : undefined;
    case 'kafka':
      return rest.length === 2 && typeof arg === 'string' ? { resource, connection, root: arg } : undefined;
    case 'ephemerals':
      return rest.length === 2 && typeof arg === 'string' ? { resource, connection, session: arg } : undefined;
    case 'node':
    case 'subtree':
    case 'acl':
      return rest.length === 2 && typeof arg === 'string' ? { resource, connection, path: arg } : undefined;
    case 'children':
      return rest.length === 3 && typeof arg === 'string' && isPageParams(params) ? { resource, connection, path: arg, params } : undefined;
    default:
      return undefined;
  }
}

/** What a cached query holds, or undefined for a key no factory here builds (or only a prefix). */
export function parseQueryKey(key: readonly unknown[]): ParsedQueryKey | undefined {
  const [root, ...rest] = key;
  if (root === 'conn') return typeof rest[0] === 'string' ? parseConnectionKey(rest[0], rest.slice(1)) : undefined;
  if (key.length === 1 && (root === 'connections' || root === 'sessions' || root === 'sign-in')) return { resource: root };
  if (root === 'audit' && key.length === 2 && typeof key[1] === 'object' && key[1] !== null) return { resource: 'audit', filter: key[1] as AuditFilter };
  return undefined;
}

/** The parsed key when the query belongs to `connection`. */
export function parseConnectionQueryKey(key: readonly unknown[], connection: string): ConnectionQueryKey | undefined {
  const parsed = parseQueryKey(key);
  return parsed && 'connection' in parsed && parsed.connection === connection ? parsed : undefined;
}
