import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { REDIS_URL, uniqueName } from './services.js';

/** Redis for one test file: a key and channel prefix of its own, its keys deleted after the file. */
export interface RedisFixture {
  /** A client for the file (closed after it). */
  readonly client: Redis;
  /** A fresh prefix under the file's own, e.g. one per test, so tests never see each other's keys. */
  nextPrefix(): string;
  /** Another client, as a second gateway would have (closed after the file). */
  newClient(): Redis;
}

/**
 * Registers beforeAll/afterAll hooks giving the current file (or describe block) a {@link RedisFixture};
 * every client is made with `options` (e.g. `enableAutoPipelining`).
 */
export function useRedis(options: { enableAutoPipelining: boolean } = { enableAutoPipelining: false }): RedisFixture {
  const prefix = `${uniqueName('redis')}:`;
  const clients: Redis[] = [];
  let counter = 0;
  const newClient = (): Redis => {
    const client = new Redis(REDIS_URL, options);
    client.on('error', () => {}); // reconnects on its own; commands report failures
    clients.push(client);
    return client;
  };
  let main: Redis | undefined;
  beforeAll(() => {
    main = newClient();
  });
  afterAll(async () => {
    // Only this file's keys: never FLUSHALL a server other files (or people) use.
    if (main) {
      let cursor = '0';
      do {
        const [next, keys] = await main.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await main.del(...keys);
      } while (cursor !== '0');
    }
    await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  });
  return {
    get client() {
      if (!main) throw new Error('useRedis: client used outside the tests');
      return main;
    },
    nextPrefix: () => `${prefix}${++counter}:`,
    newClient,
  };
}
