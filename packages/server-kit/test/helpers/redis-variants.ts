// The two kinds of ioredis connection an app may hand the Redis adapters: a plain one (each command
// written on its own) and one with `enableAutoPipelining` (the commands of one tick share one socket
// write, what the bench and the reference cluster use). The Redis tests run over both.
import { type RedisFixture, useRedis } from '@parley/test-utils/redis-fixture';
import type { Redis } from 'ioredis';

/** The client kinds the Redis tests run over, by name. */
export const redisVariants: ReadonlyArray<{ name: string; pipelined: boolean; use: () => RedisFixture }> = [
  { name: 'plain client', pipelined: false, use: useRedis },
  { name: 'auto-pipelining client', pipelined: true, use: () => useRedis({ enableAutoPipelining: true }) },
];

/** How many socket writes `client` makes while `work` runs (its connection must be open). */
export async function socketWrites(client: Redis, work: () => Promise<unknown>): Promise<number> {
  const stream = (client as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
  const write = stream.write;
  let writes = 0;
  stream.write = (...args: unknown[]) => {
    writes++;
    return write.apply(stream, args);
  };
  try {
    await work();
  } finally {
    stream.write = write;
  }
  return writes;
}
