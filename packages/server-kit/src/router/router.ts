import { type ClientFrame, oneof, ParleyError } from '@parley/core';
import type {
  Handler,
  Middleware,
  Reply,
  RequestCase,
  RequestContext,
  RequestOf,
  RouteMiddleware,
  Routes,
} from './routes.js';

/** Cases the connection answers itself; a frame of one of these never reaches the router. */
const CONNECTION_CASES: ReadonlySet<string> = new Set(['hello', 'auth', 'ping', 'pong']);

/** Wraps one handler in its middleware list, outermost first. */
function wrap<C extends RequestCase>(handler: Handler<C>, middleware: readonly Middleware<C>[]): Handler<C> {
  return middleware.reduceRight<Handler<C>>(
    (inner, outer) => (request, ctx) => outer(request, ctx, (next) => inner(next, ctx)),
    handler,
  );
}

const listOf = <T>(m: T | readonly T[] | undefined): readonly T[] =>
  m === undefined ? [] : Array.isArray(m) ? (m as readonly T[]) : [m as T];

/**
 * Dispatches an authenticated device's frame to the route of its body case, through the app's
 * middleware for that case.
 */
export class Router {
  private readonly routes: Routes;

  constructor(routes: Routes, middleware: RouteMiddleware = {}) {
    const wrapped = { ...routes };
    for (const c of Object.keys(middleware) as RequestCase[]) this.wrapCase(wrapped, routes, middleware, c);
    this.routes = wrapped;
  }

  /** Runs the route of the frame's body; the frame must be decoded and its case not a connection case. */
  handle(frame: ClientFrame, ctx: RequestContext): Promise<Reply> {
    const body = oneof(frame, 'body');
    if (body.case === undefined || CONNECTION_CASES.has(body.case)) {
      return Promise.reject(new ParleyError('BAD_FRAME', `${body.case ?? 'an empty body'} is not a request`));
    }
    return this.run(body.case as RequestCase, body.value, ctx);
  }

  private run<C extends RequestCase>(c: C, request: RequestOf<C>, ctx: RequestContext): Promise<Reply> {
    const route: Handler<C> = this.routes[c];
    return route(request, ctx);
  }

  private wrapCase<C extends RequestCase>(into: Routes, routes: Routes, middleware: RouteMiddleware, c: C): void {
    const list = listOf(middleware[c] as Middleware<C> | readonly Middleware<C>[] | undefined);
    if (list.length > 0) (into as Record<C, Handler<C>>)[c] = wrap(routes[c] as Handler<C>, list);
  }
}
