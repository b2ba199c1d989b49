import { type RestartableService, startRedisServer } from '@parley/test-utils/fault-processes';
import { servicesAvailable } from '@parley/test-utils/services';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../src/contracts/logger.js';
import { redisBus } from '../src/redis/index.js';

// The bus opens a subscriber connection of its own; during a Redis outage ioredis reports each
// failed reconnect as an 'error' event, which must be heard (and logged), never "unhandled".

const available = await servicesAvailable('redis');

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const at =
    (level: string) =>
    (message: string): void => {
      lines.push({ level, message });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe.skipIf(!available)('redisBus during a Redis outage', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    vi.restoreAllMocks();
  });

  // An auto-pipelining client: the subscriber connection the bus duplicates from it pipelines its
  // (S)SUBSCRIBE commands too, and must still subscribe again after the outage.
  it.each([
    { enableAutoPipelining: false, sharded: false },
    { enableAutoPipelining: true, sharded: false },
    { enableAutoPipelining: true, sharded: true },
  ])(
    'logs the subscriber connection errors through the logger, none unhandled, and recovers (%o)',
    async ({ enableAutoPipelining, sharded }) => {
      const server: RestartableService = await startRedisServer();
      cleanups.push(() => server.dispose());
      const client = new Redis(server.url, { enableAutoPipelining });
      client.on('error', () => {}); // the caller's connection: its errors are the caller's to hear
      cleanups.push(async () => client.disconnect());
      const { logger, lines } = recordingLogger();
      const bus = redisBus({ client, logger, sharded });
      cleanups.push(() => bus.close());
      const got: number[] = [];
      await bus.subscribe('news', (data) => got.push(data[0] ?? -1));
      const unhandled = vi.spyOn(console, 'error');

      await server.stop();
      await vi.waitFor(() => expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1), { timeout: 20_000 });
      expect(lines[0]?.message).toMatch(/subscriber connection lost/);

      await server.start();
      await vi.waitFor(() => expect(lines.map((l) => l.level)).toContain('info'), { timeout: 20_000 });
      // ioredis subscribes again on reconnect: a message published now arrives.
      await vi.waitFor(
        async () => {
          await bus.publish('news', new Uint8Array([7]));
          expect(got).toContain(7);
        },
        { timeout: 20_000 },
      );
      const unheard = unhandled.mock.calls.filter((args) => String(args[0]).includes('Unhandled error event'));
      expect(unheard).toEqual([]);
    },
  );
});
