/**
 * Calls the real route handlers in-process (no HTTP server, no mocks): each request is a real
 * Request object, each answer the Response the route returns in production.
 */
import * as connections from '@/app/api/v1/connections/route';
import * as session from '@/app/api/v1/connections/[id]/session/route';
import * as capabilities from '@/app/api/v1/connections/[id]/capabilities/route';
import * as node from '@/app/api/v1/connections/[id]/node/route';
import * as children from '@/app/api/v1/connections/[id]/children/route';
import * as sync from '@/app/api/v1/connections/[id]/sync/route';
import * as subtree from '@/app/api/v1/connections/[id]/subtree/route';
import * as ensemble from '@/app/api/v1/connections/[id]/ensemble/route';
import * as ensembleHistory from '@/app/api/v1/connections/[id]/ensemble/history/route';
import * as kafka from '@/app/api/v1/connections/[id]/kafka/route';
import * as sessions from '@/app/api/v1/sessions/route';
import * as sessionEphemerals from '@/app/api/v1/connections/[id]/session/ephemerals/route';

type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> | Response;
type Module = Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler>>;

const routes: Array<[RegExp, Module]> = [
  [/^\/api\/v1\/connections$/, connections as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/session$/, session as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/session\/ephemerals$/, sessionEphemerals as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/capabilities$/, capabilities as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/node$/, node as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/children$/, children as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/sync$/, sync as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/subtree$/, subtree as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/ensemble$/, ensemble as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/ensemble\/history$/, ensembleHistory as Module],
  [/^\/api\/v1\/connections\/([^/]+)\/kafka$/, kafka as Module],
  [/^\/api\/v1\/sessions$/, sessions as Module],
];

/** Registers more route modules (other test files add theirs). */
export function addRoute(pattern: RegExp, module: Module): void {
  routes.push([pattern, module]);
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const full = new URL(url, 'http://127.0.0.1:3000');
  const match = routes.map(([re, mod]) => [full.pathname.match(re), mod] as const).find(([m]) => m);
  if (!match) throw new Error(`no route for ${full.pathname}`);
  const [m, mod] = match;
  const handler = mod[method];
  if (!handler) throw new Error(`${method} not allowed on ${full.pathname}`);
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const params = { id: m![1] ? decodeURIComponent(m![1]) : '' };
  const response = await handler(new Request(full, init), { params: Promise.resolve(params) });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const enc = encodeURIComponent;
