/**
 * The bulk routes (export, import, copy, undo) called in-process like the others (support/api.ts),
 * keeping the streamed Response: tests read its lines as they come, or abort it.
 */
import * as copyRoute from '@/app/api/v1/connections/[id]/copy/route';
import * as exportRoute from '@/app/api/v1/connections/[id]/export/route';
import * as importRoute from '@/app/api/v1/connections/[id]/import/route';
import * as undoRoute from '@/app/api/v1/connections/[id]/undo/route';
import { getSession } from '@/lib/zk/registry';
import type { ZkSession } from '@/lib/zk/session';
import type { BulkResult } from '@/lib/shared/export-format';

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: Record<string, Handler> = {
  'GET export': exportRoute.GET,
  'POST import': importRoute.POST,
  'POST copy': copyRoute.POST,
  'POST undo': undoRoute.POST,
};

export interface CallOptions {
  connection?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `/api/v1/connections/{connection}/{route}?{query}` with the body as given (an object goes as JSON). */
export function call(method: 'GET' | 'POST', route: string, query: Record<string, string>, body?: unknown, o: CallOptions = {}): Promise<Response> {
  const connection = o.connection ?? 'default';
  const url = new URL(`http://127.0.0.1:3000/api/v1/connections/${connection}/${route}?${new URLSearchParams(query)}`);
  const headers: Record<string, string> = { ...o.headers };
  let payload: BodyInit | undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string') payload = body as BodyInit;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const request = new Request(url, { method, headers, body: payload, signal: o.signal, ...(payload ? { duplex: 'half' } : {}) } as RequestInit);
  return ROUTES[`${method} ${route}`](request, { params: Promise.resolve({ id: connection }) });
}

/** The parsed lines of an NDJSON answer. */
export async function linesOf(response: Response): Promise<any[]> {
  const text = await response.text();
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

/** The export file of `path` (plain), as text. */
export async function exportText(path: string, connection?: string): Promise<string> {
  const res = await call('GET', 'export', { path }, undefined, { connection });
  if (res.status !== 200) throw new Error(`export ${path}: ${res.status} ${await res.text()}`);
  return res.text();
}

/** Imports `file` at `path`; answers the progress lines and the result (throws on an error line). */
export async function importAt(path: string, file: string | Buffer, query: Record<string, string> = {}): Promise<{ progress: any[]; result: BulkResult }> {
  const res = await call('POST', 'import', { path, ...query }, file);
  if (res.status !== 200) throw Object.assign(new Error(`import: ${res.status}`), { body: await res.json() });
  const lines = await linesOf(res);
  const last = lines[lines.length - 1];
  if (!last?.result) throw new Error(`import: no result: ${JSON.stringify(last)}`);
  return { progress: lines.slice(0, -1), result: last.result };
}

export const session = (connection = 'default'): ZkSession => getSession(connection, []);

/** Every path of a subtree (itself included), sorted. */
export async function pathsBelow(s: ZkSession, root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (p: string): Promise<void> => {
    const stat = await s.run((h) => h.exists(p));
    if (!stat) return;
    out.push(p);
    const { children } = await s.run((h) => h.children(p));
    await Promise.all(children.map((c) => visit(`${p}/${c}`)));
  };
  await visit(root);
  return out.sort();
}
