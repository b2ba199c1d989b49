import { ParleyError } from '@parley/core';

/** The part of the Web Locks API (`navigator.locks`) the store uses. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

/** A held lock; `release` lets the next holder in and resolves once it is free (idempotent). */
export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the exclusive lock `name`. With `wait: false` it rejects at once with CONFLICT when the
 * lock is held (another tab, worker or store of this page has the same store open); with
 * `wait: true` it waits for it, until `signal` aborts.
 */
export async function acquireTabLock(
  locks: LockManagerLike,
  name: string,
  options: { wait: boolean; signal?: AbortSignal | undefined },
): Promise<HeldLock> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested: Promise<unknown> = Promise.resolve();
  const granted = await new Promise<boolean>((resolve, reject) => {
    const requestOptions = options.wait ? (options.signal ? { signal: options.signal } : {}) : { ifAvailable: true };
    requested = locks.request(name, requestOptions, async (lock) => {
      resolve(lock !== null);
      // The lock is held until the callback's promise settles.
      if (lock !== null) await held;
    });
    requested.catch(reject);
  }).catch((cause: unknown) => {
    if ((cause as { name?: string } | null)?.name === 'AbortError') {
      throw new ParleyError('CLOSED', `gave up waiting for ${name}`, { cause });
    }
    throw new ParleyError('STORE_FAILED', `cannot take the lock ${name}`, { cause });
  });
  if (!granted) {
    throw new ParleyError(
      'CONFLICT',
      `${name} is in use by another tab or window of this browser: one device per browser profile, so close the other one (or open it with whenLocked: 'wait')`,
    );
  }
  return {
    // request() settles once the lock is free again, so a reopen right after close finds it free.
    release: () => {
      release();
      return requested.then(
        () => {},
        () => {},
      );
    },
  };
}

/**
 * Exclusive locks within this JavaScript realm, for platforms without `navigator.locks` (Node with
 * fake-indexeddb, insecure origins): they keep two stores of one page apart, not two tabs.
 * Shared through globalThis so duplicate copies of this package agree.
 */
export function realmLocks(): LockManagerLike {
  const key = Symbol.for('parley.client.realmLocks');
  const registry = globalThis as Record<symbol, Map<string, Array<() => void>> | undefined>;
  registry[key] ??= new Map();
  const queues = registry[key];
  return {
    async request(name, options, callback) {
      let queue = queues.get(name);
      if (queue && options.ifAvailable) return callback(null);
      if (!queue) {
        queue = [];
        queues.set(name, queue);
      } else {
        const waiting = queue;
        await new Promise<void>((resolve, reject) => {
          const turn = () => {
            options.signal?.removeEventListener('abort', abort);
            resolve();
          };
          const abort = () => {
            const at = waiting.indexOf(turn);
            if (at >= 0) waiting.splice(at, 1);
            reject(options.signal?.reason ?? new DOMException('aborted', 'AbortError'));
          };
          if (options.signal?.aborted) return abort();
          options.signal?.addEventListener('abort', abort, { once: true });
          waiting.push(turn);
        });
      }
      try {
        return await callback({ name });
      } finally {
        const next = queue.shift();
        if (next) next();
        else queues.delete(name);
      }
    },
  };
}
