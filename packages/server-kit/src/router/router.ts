import { type ClientFrame, ParleyError } from '@parley/core';
import type { RateLimiter } from '../contracts/rate-limiter.js';
import { checkRequest, type RequestCheckLimits } from './request-checks.js';
import { isRated, type RequestRateLimits, takeRequestRate } from './request-rates.js';
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

/** Runs `route` inside `middleware`, outermost first. */
function runThrough<C extends RequestCase>(
  middleware: readonly Middleware<C>[],
  route: Handler<C>,
  request: RequestOf<C>,
  ctx: RequestContext,
): Promise<Reply> {
  const step = (i: number, r: RequestOf<C>): Promise<Reply> => {
    const outer = middleware[i];
    return outer ? outer(r, ctx, (next) => step(i + 1, next)) : route(r, ctx);
  };
  return step(0, request);
}

/**
 * Dispatches an authenticated device's frame to the route of its body case, through the app's
 * middleware for that case. Every request is checked first (ids, strings and list sizes, see
 * request-checks.ts) and takes its per-user rate (request-rates.ts): neither middleware nor routes
 * see one outside the rules or over the rate.
 */
export class Router {
  private readonly middleware: RouteMiddleware;

  /** Throws INVALID_ARGUMENT for middleware on a case that has no route (a typo, or `hello`). */
  constructor(
    private readonly routes: Routes,
    middleware: RouteMiddleware = {},
    private readonly limits: RequestCheckLimits & RequestRateLimits,
    /** The per-user request rates (request-rates.ts). */
    private readonly rateLimiter: RateLimiter,
  ) {
    for (const c of Object.keys(middleware)) {
      if (!Object.hasOwn(routes, c)) throw new ParleyError('INVALID_ARGUMENT', `no route ${c} to put middleware on`);
    }
    this.middleware = { ...middleware };
  }

  /**
   * Runs the route of the frame's body; a frame of a case the connection answers itself is refused.
   * `bodyCase`, when the caller read it already, is `frame.body` (each read of a oneof makes a list
   * of the frame's keys).
   */
  handle(frame: ClientFrame, ctx: RequestContext, bodyCase: ClientFrame['body'] = frame.body): Promise<Reply> {
    switch (bodyCase) {
      case undefined:
      case 'hello':
      case 'auth':
      case 'ping':
      case 'pong':
        return Promise.reject(new ParleyError('BAD_FRAME', `${bodyCase ?? 'an empty body'} is not a request`));
      default:
        // The oneof's getter names a case only when its value is set (see `oneof`).
        return this.run(bodyCase, frame[bodyCase] as RequestOf<typeof bodyCase>, ctx);
    }
  }

  private run<C extends RequestCase>(c: C, request: RequestOf<C>, ctx: RequestContext): Promise<Reply> {
    const route: Handler<C> = this.routes[c];
    const middleware: Middleware<C> | readonly Middleware<C>[] | undefined = this.middleware[c];
    // A request with no rate and no middleware (every DeliverAck, usually) goes straight to its
    // route: no async frame of its own per request (issue 15 aim 4: one ack per group member).
    if (middleware === undefined && !isRated(c)) {
      try {
        checkRequest(c, request, this.limits);
        return route(request, ctx);
      } catch (error) {
        return Promise.reject(error); // as an async function would: a throw is a rejection
      }
    }
    return this.runRated(c, request, ctx, route, middleware);
  }

  /** Checks, takes the rate, then runs the middleware and the route: no async frame of its own. */
  private runRated<C extends RequestCase>(
    c: C,
    request: RequestOf<C>,
    ctx: RequestContext,
    route: Handler<C>,
    middleware: Middleware<C> | readonly Middleware<C>[] | undefined,
  ): Promise<Reply> {
    try {
      checkRequest(c, request, this.limits);
      const rated = takeRequestRate(c, request, ctx, this.rateLimiter, this.limits);
      if (middleware === undefined) return rated ? rated.then(() => route(request, ctx)) : route(request, ctx);
      const chain = typeof middleware === 'function' ? [middleware] : middleware;
      return rated ? rated.then(() => runThrough(chain, route, request, ctx)) : runThrough(chain, route, request, ctx);
    } catch (error) {
      return Promise.reject(error); // as an async function would: a throw is a rejection
    }
  }
}
