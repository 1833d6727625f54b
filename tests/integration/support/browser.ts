/**
 * Route handlers called in-process the way a browser would call them: every route file under
 * app/api/v1 is discovered (so new routes are covered without editing the tests), requests carry
 * the cookies earlier answers set plus same-origin Origin / Sec-Fetch-Site headers, and every
 * answer is kept so a test can scan all of them for leaked secrets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

const API_ROOT = join(process.cwd(), 'app', 'api', 'v1');
export const ORIGIN = 'http://127.0.0.1:3000';

export interface RouteFile {
  /** e.g. "/api/v1/connections/[id]/acl" */
  template: string;
  file: string;
  methods: Method[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'route.ts' ? [join(dir, e.name)] : [],
  );
}

/** Every route file and the HTTP methods it exports, read from the source. */
export function discoverRoutes(): RouteFile[] {
  return walk(API_ROOT)
    .map((file) => {
      const dir = relative(API_ROOT, join(file, '..')).split(sep).filter(Boolean);
      const source = readFileSync(file, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|DELETE|PATCH)\b/g)].map((m) => m[1] as Method);
      return { template: ['/api/v1', ...dir].join('/'), file, methods };
    })
    .sort((a, b) => a.template.localeCompare(b.template));
}

/** Fills a template's dynamic segments: `[id]` from `values`, anything else with "x". */
export function fillTemplate(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

/** Static segments win over dynamic ones, as in Next (connections/test before connections/[id]). */
const dynamicSegments = (r: RouteFile) => (r.template.match(/\[/g) ?? []).length;

function matchRoute(pathname: string): { route: RouteFile; params: Record<string, string | string[]> } {
  for (const route of discoverRoutes().sort((a, b) => dynamicSegments(a) - dynamicSegments(b))) {
    const names: string[] = [];
    const source = route.template.replace(/\[\[?(\.\.\.)?([^\]]+)\]\]?/g, (_, rest: string | undefined, name: string) => {
      names.push(`${rest ? '...' : ''}${name}`);
      return rest ? '(.+)' : '([^/]+)';
    });
    const m = new RegExp(`^${source}$`).exec(pathname);
    if (!m) continue;
    const params: Record<string, string | string[]> = {};
    names.forEach((n, i) => {
      const v = decodeURIComponent(m[i + 1]);
      if (n.startsWith('...')) params[n.slice(3)] = v.split('/');
      else params[n] = v;
    });
    return { route, params };
  }
  throw new Error(`no route file for ${pathname}`);
}

export interface Answer<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Every answer any Browser received in this test file, for the no-secrets check. */
export const answers: Array<{ method: Method; url: string; status: number; text: string; setCookie: string | null }> = [];

export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(readonly origin = ORIGIN) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A same-origin request as a browser sends it; `headers` add to or override the defaults. */
  async call<T = any>(method: Method, url: string, body?: unknown, headers: Record<string, string | undefined> = {}): Promise<Answer<T>> {
    const full = new URL(url, this.origin);
    const { route, params } = matchRoute(full.pathname);
    const handler = ((await import(route.file)) as Partial<Record<Method, Handler>>)[method];
    if (!handler) throw new Error(`${method} is not exported by ${route.template}`);
    const h: Record<string, string> = { host: new URL(this.origin).host, accept: 'application/json' };
    if (this.cookies.size > 0) h.cookie = this.cookie;
    if (method !== 'GET') Object.assign(h, { origin: this.origin, 'sec-fetch-site': 'same-origin' });
    if (body !== undefined) h['content-type'] = 'application/json';
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined) delete h[k.toLowerCase()];
      else h[k.toLowerCase()] = v;
    }
    const init: RequestInit = { method, headers: h };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await handler(new Request(full, init), { params: Promise.resolve(params) });
    const text = await response.text();
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.store(setCookie);
    answers.push({ method, url, status: response.status, text, setCookie });
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  private store(setCookie: string): void {
    const [pair, ...attrs] = setCookie.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export const enc = encodeURIComponent;
