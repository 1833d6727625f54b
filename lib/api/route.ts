/**
 * The one wrapper of every route handler: it authenticates the operator for the access the
 * route needs (before any input is read, so a stranger learns nothing), opens the connection
 * (refusing changes on a read-only one, choosing the ZooKeeper session that carries the
 * operator's own credentials), and turns every error into the JSON envelope.
 */
import 'server-only';
import { authenticate, type Operator } from '@/lib/auth/operator';
import { openConnection, type ConnectionContext } from '@/lib/services/connections';
import type { Access } from '@/lib/shared/roles';
import { handle } from './envelope';

/** What Next passes a route handler besides the request: the dynamic segments. */
export interface RouteContext {
  params: Promise<Record<string, string>>;
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type Answer = Promise<Response> | Response;

/** A route anyone may call (signing in and out); only its body's errors are enveloped. */
export function openRoute(fn: (request: Request) => Answer): RouteHandler {
  return (request) => handle(async () => fn(request));
}

/** A route for signed-in operators with the role `access` needs. */
export function route(access: Access, fn: (args: { operator: Operator; params: Record<string, string> }, request: Request) => Answer): RouteHandler {
  return (request, { params }) =>
    handle(async () => {
      const operator = authenticate(request, access);
      return fn({ operator, params: await params }, request);
    });
}

/** A route on the connection named by the `[id]` segment. */
export function connectionRoute(access: Access, fn: (context: ConnectionContext, request: Request) => Answer): RouteHandler {
  return route(access, ({ operator, params }, request) => fn(openConnection(operator, params.id, access), request));
}
