/**
 * Methods a route does not serve answer 405 with the JSON envelope and an `Allow` header. Next
 * answers an unexported method with an empty 405 of its own, so a route file exports these too:
 *
 *   export const GET = connectionRoute('read', …);
 *   export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
 *
 * Next itself serves HEAD with GET when there is one, and OPTIONS with the same Allow list.
 */
import 'server-only';
import { json } from './envelope';
import type { RouteHandler } from './route';

/** The methods Next's route handlers can export (next/dist/server/web/http.js). */
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

type Served = Partial<Record<Method, RouteHandler>>;
/** What Next answers itself: OPTIONS always, HEAD when GET is served. */
type Automatic<S extends Served> = 'OPTIONS' | (S extends { GET: RouteHandler } ? 'HEAD' : never);
type Others<S extends Served> = Record<Exclude<Method, keyof S | Automatic<S>>, () => Response>;

/** The Allow list, as Next's own OPTIONS answer writes it. */
function allowed(served: readonly string[]): string {
  const list = new Set<string>([...served, 'OPTIONS']);
  if (list.has('GET')) list.add('HEAD');
  return [...list].sort().join(', ');
}

export function otherMethods<S extends Served>(served: S): Others<S> {
  const names = Object.keys(served);
  const allow = allowed(names);
  const refuse = () => {
    const message = `This URL answers only ${allow}`;
    return json({ error: { code: 'METHOD_NOT_ALLOWED', message } }, 405, { Allow: allow });
  };
  const automatic = new Set<string>(['OPTIONS', ...(names.includes('GET') ? ['HEAD'] : [])]);
  return Object.fromEntries(METHODS.filter((m) => !names.includes(m) && !automatic.has(m)).map((m) => [m, refuse])) as Others<S>;
}
