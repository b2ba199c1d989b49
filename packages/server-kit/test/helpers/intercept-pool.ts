import type pg from 'pg';

/** Runs the query as given; a hook calls it (or not) and returns what the caller gets. */
export type QueryHook = (query: unknown, run: () => Promise<unknown>) => Promise<unknown>;

/** The text of a query as the driver is given it (a config object or a string). */
export const textOf = (query: unknown): string =>
  typeof query === 'string' ? query : String((query as pg.QueryConfig | null)?.text ?? '');

/**
 * The pool with `hook` around every promise-style query: those of the connections it hands out
 * (transactions) and its own `query()` (the adapters' single statements, which check a connection
 * out with a callback, so they are hooked here rather than on that connection).
 */
export function interceptPool(pool: pg.Pool, hook: QueryHook): pg.Pool {
  const wrap = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (query: unknown, ...rest: unknown[]) =>
          hook(query, () => (target.query as (...a: unknown[]) => Promise<unknown>).call(target, query, ...rest));
      },
    });
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      if (prop === 'query') {
        return (query: unknown, ...rest: unknown[]) =>
          hook(query, () => (target.query as (...a: unknown[]) => Promise<unknown>).call(target, query, ...rest));
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
