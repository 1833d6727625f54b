/**
 * Methods a route does not serve answer 405 with the JSON envelope and an Allow header (Next's
 * own answer would be an empty 405), on every route file under app/api/v1.
 */
import { describe, expect, it } from 'vitest';
import * as audit from '@/app/api/v1/audit/route';
import * as node from '@/app/api/v1/connections/[id]/node/route';
import * as subscriptions from '@/app/api/v1/connections/[id]/events/subscriptions/route';
import * as session from '@/app/api/v1/session/route';
import { discoverRoutes } from './support/browser';

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

async function call(handler: Handler, method: string, url: string) {
  const response = await handler(new Request(new URL(url, 'http://127.0.0.1:3000'), { method }), { params: Promise.resolve({ id: 'default' }) });
  return { status: response.status, allow: response.headers.get('allow'), body: method === 'HEAD' ? null : await response.json() };
}

describe('methods a route does not serve', () => {
  it('answer 405 METHOD_NOT_ALLOWED with the served methods in Allow', async () => {
    const cases: Array<[string, Handler, string, string, string]> = [
      ['PATCH', node.PATCH, '/api/v1/connections/default/node?path=/', 'DELETE, GET, HEAD, OPTIONS, POST, PUT', 'node'],
      ['DELETE', audit.DELETE, '/api/v1/audit', 'GET, HEAD, OPTIONS', 'audit'],
      ['GET', subscriptions.GET, '/api/v1/connections/default/events/subscriptions', 'OPTIONS, POST', 'subscriptions'],
      ['PUT', session.PUT, '/api/v1/session', 'DELETE, GET, HEAD, OPTIONS, POST', 'session'],
    ];
    for (const [method, handler, url, allow] of cases) {
      const res = await call(handler, method, url);
      expect({ url, status: res.status, allow: res.allow, code: res.body.error.code }).toEqual({ url, status: 405, allow, code: 'METHOD_NOT_ALLOWED' });
      expect(res.body.error.message).toContain(allow);
    }
  });

  it('answer HEAD with 405 and Allow on a route without GET', async () => {
    expect(await call(subscriptions.HEAD, 'HEAD', '/api/v1/connections/default/events/subscriptions')).toEqual({ status: 405, allow: 'OPTIONS, POST', body: null });
  });

  it('are exported by every route file, so Next never answers an empty 405', async () => {
    const routes = discoverRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) {
      const mod = (await import(r.file)) as Record<string, unknown>;
      const expected = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', ...(r.methods.includes('GET') ? [] : ['HEAD'])];
      const missing = expected.filter((m) => typeof mod[m] !== 'function');
      expect({ route: r.template, missing }).toEqual({ route: r.template, missing: [] });
      const allow = [...new Set([...r.methods, 'OPTIONS', ...(r.methods.includes('GET') ? ['HEAD'] : [])])].sort().join(', ');
      for (const m of expected.filter((m) => !(r.methods as string[]).includes(m))) {
        const res = await call(mod[m] as Handler, m, r.template);
        expect({ route: r.template, method: m, status: res.status, allow: res.allow }).toEqual({ route: r.template, method: m, status: 405, allow });
      }
    }
  });
});
