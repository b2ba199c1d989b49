import { isParleyError } from '@parley/core';
import { closedPort } from '@parley/test-utils/free-port';
import { servicesAvailable } from '@parley/test-utils/services';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { redisBus, redisDirectory, redisRateLimiter } from '../src/redis/index.js';
import { redisScript, runScript } from '../src/redis/redis-client.js';
import { busCompliance, rateLimiterCompliance, sessionDirectoryCompliance } from '../src/testing/index.js';
import { redisVariants, socketWrites } from './helpers/redis-variants.js';

const available = await servicesAvailable('redis');

describe.skipIf(!available).each(redisVariants)('Redis adapters ($name)', ({ use, pipelined }) => {
  const redis = use();

  sessionDirectoryCompliance({
    name: 'redisDirectory',
    create: async ({ clock }) => redisDirectory({ client: redis.client, prefix: redis.nextPrefix(), clock }),
  });
  busCompliance({
    name: 'redisBus (sharded pub/sub when the server has it)',
    create: async () => redisBus({ client: redis.client, prefix: redis.nextPrefix() }),
    cleanup: (bus) => bus.close(),
  });
  busCompliance({
    name: 'redisBus (plain PUBLISH)',
    create: async () => redisBus({ client: redis.client, prefix: redis.nextPrefix(), sharded: false }),
    cleanup: (bus) => bus.close(),
  });
  rateLimiterCompliance({
    name: 'redisRateLimiter (leases on busy keys, the default)',
    create: async (ctx) => redisRateLimiter({ client: redis.client, prefix: redis.nextPrefix(), ...ctx }),
  });
  rateLimiterCompliance({
    name: 'redisRateLimiter (lease: false, one script call per consume)',
    create: async (ctx) => redisRateLimiter({ client: redis.client, prefix: redis.nextPrefix(), ...ctx, lease: false }),
  });

  describe('beyond the compliance suites', () => {
    it(`is run over a client that ${pipelined ? 'shares' : 'does not share'} one socket write per tick`, async () => {
      const directory = redisDirectory({ client: redis.client, prefix: redis.nextPrefix() });
      await redis.client.ping(); // connected: the writes counted are the lookups'
      const devices = Array.from({ length: 20 }, (_, i) => ({ userId: `u${i}`, deviceId: 1 }));
      const writes = await socketWrites(redis.client, () => Promise.all(devices.map((d) => directory.lookup([d]))));
      if (pipelined) expect(writes).toBeLessThanOrEqual(2);
      else expect(writes).toBe(20);
    });

    it('runs a script the server does not hold yet (NOSCRIPT, then its source), many at once among other commands', async () => {
      const prefix = redis.nextPrefix();
      // A source no server has seen: every first EVALSHA of it fails with NOSCRIPT.
      const script = redisScript(`return {KEYS[1], ARGV[1], '${prefix}'}`);
      await redis.client.set(`${prefix}plain`, 'value');
      const calls = Array.from({ length: 10 }, (_, i) => [
        runScript(redis.client, script, [`${prefix}k${i}`], [i]),
        redis.client.get(`${prefix}plain`),
      ]);
      const results = await Promise.all(calls.flat());
      expect(results).toEqual(
        Array.from({ length: 10 }, (_, i) => [[`${prefix}k${i}`, String(i), prefix], 'value']).flat(),
      );
      // Loaded now: the next call is one EVALSHA.
      const sourceSent = vi.spyOn(redis.client, 'eval');
      expect(await runScript(redis.client, script, ['k'], [1])).toEqual(['k', '1', prefix]);
      expect(sourceSent).not.toHaveBeenCalled();
      sourceSent.mockRestore();
    });

    it('keeps adapters with different prefixes apart', async () => {
      const a = redisDirectory({ client: redis.client, prefix: redis.nextPrefix() });
      const b = redisDirectory({ client: redis.client, prefix: redis.nextPrefix() });
      const device = { userId: 'alice', deviceId: 1 };
      await a.claim(device, { gatewayId: 'g1', connectionId: 'c1' }, 30_000);
      expect(await b.lookup([device])).toEqual([undefined]);
      expect(await a.lookup([device])).toEqual([{ gatewayId: 'g1', connectionId: 'c1' }]);
    });

    it('lets Redis expire a directory entry of a crashed gateway by its own clock', async () => {
      const prefix = redis.nextPrefix();
      const directory = redisDirectory({ client: redis.client, prefix });
      await directory.claim({ userId: 'alice', deviceId: 1 }, { gatewayId: 'g1', connectionId: 'c1' }, 30_000);
      const ttl = await redis.client.pttl(`${prefix}dir:alice:1`);
      expect(ttl).toBeGreaterThan(29_000);
      expect(ttl).toBeLessThanOrEqual(30_000);
    });

    it('shares buckets between limiters of two gateways, on the server clock by default', async () => {
      const prefix = redis.nextPrefix();
      const other = redis.newClient();
      const limit = { capacity: 3, refillPerSecond: 0.001 };
      const g1 = redisRateLimiter({ client: redis.client, prefix, ...limit });
      const g2 = redisRateLimiter({ client: other, prefix, ...limit });
      const decisions = await Promise.all([g1, g2, g1, g2, g1, g2].map((r) => r.consume('device:alice.1')));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
      const refused = decisions.find((d) => !d.allowed);
      // About 1000 s per token at this rate: the wait comes from the server's clock, not a fake one.
      expect(refused?.retryAfterMs).toBeGreaterThan(990_000);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(1_000_000);
    });

    it('decides buckets shared by two gateways all or nothing, in one script run per call', async () => {
      const prefix = redis.nextPrefix();
      const other = redis.newClient();
      const limit = { capacity: 4, refillPerSecond: 0.001 };
      const g1 = redisRateLimiter({ client: redis.client, prefix, ...limit });
      const g2 = redisRateLimiter({ client: other, prefix, ...limit });
      const both = [g1, g2].map((g) => g.consumeAll?.bind(g));
      // Each call needs 'user' and one of two chats of 2 tokens each; 'user' holds 4 in all.
      const chat = { capacity: 2, refillPerSecond: 0.001 };
      const calls = Array.from({ length: 12 }, (_, i) =>
        (both[i % 2] as NonNullable<(typeof both)[number]>)([{ key: 'user' }, { key: `chat${i % 3}`, limit: chat }]),
      );
      const decisions = await Promise.all(calls);
      const allowed = decisions.flatMap((d, i) => (d.allowed ? [i % 3] : []));
      expect(allowed).toHaveLength(4);
      for (const c of [0, 1, 2]) expect(allowed.filter((x) => x === c).length).toBeLessThanOrEqual(2);
      // Nothing was taken by a refused call: the chat buckets hold exactly what allowed calls left.
      for (const c of [0, 1, 2]) {
        const left = 2 - allowed.filter((x) => x === c).length;
        const drained = await Promise.all([0, 1].map(() => g2.consume(`chat${c}`, 1, chat)));
        expect(drained.filter((d) => d.allowed)).toHaveLength(left);
      }
    });

    it('offers no consumeAll on a Redis Cluster client (a script cannot span slots)', () => {
      const cluster = { isCluster: true } as unknown as Parameters<typeof redisRateLimiter>[0]['client'];
      const limiter = redisRateLimiter({ client: cluster, capacity: 1, refillPerSecond: 1 });
      expect(limiter.consumeAll).toBeUndefined();
      expect(redisRateLimiter({ client: redis.client, capacity: 1, refillPerSecond: 1 }).consumeAll).toBeDefined();
    });

    it('uses sharded pub/sub on a server that has it', async () => {
      const version = /redis_version:(\d+)/.exec(await redis.client.info('server'))?.[1];
      const prefix = redis.nextPrefix();
      const bus = redisBus({ client: redis.client, prefix });
      try {
        await bus.subscribe('gw', () => {});
        const sharded = (await redis.client.call('PUBSUB', 'SHARDNUMSUB', `${prefix}gw`).catch(() => [])) as unknown[];
        const plain = (await redis.client.call('PUBSUB', 'NUMSUB', `${prefix}gw`)) as unknown[];
        if (Number(version) >= 7) {
          expect(sharded[1]).toBe(1);
          expect(plain[1]).toBe(0);
        } else {
          expect(plain[1]).toBe(1);
        }
      } finally {
        await bus.close();
      }
    });

    it('leaves a subscriber connection it was given open, without its subscriptions', async () => {
      const prefix = redis.nextPrefix();
      const subscriber = redis.newClient();
      const bus = redisBus({ client: redis.client, subscriber, prefix, sharded: false });
      await bus.subscribe('gw', () => {});
      expect(((await redis.client.call('PUBSUB', 'NUMSUB', `${prefix}gw`)) as unknown[])[1]).toBe(1);
      await bus.close();
      expect(subscriber.status).toBe('ready');
      expect(((await redis.client.call('PUBSUB', 'NUMSUB', `${prefix}gw`)) as unknown[])[1]).toBe(0);
    });

    it('reaches a bus of another gateway on its own connections', async () => {
      const prefix = redis.nextPrefix();
      const g1 = redisBus({ client: redis.client, prefix });
      const g2 = redisBus({ client: redis.newClient(), prefix });
      try {
        const received: string[] = [];
        await g2.subscribe('parley.gateway.g2', (data) => received.push(new TextDecoder().decode(data)));
        await g1.publish('parley.gateway.g2', new TextEncoder().encode('nudge'));
        await vi.waitFor(() => expect(received).toEqual(['nudge']));
      } finally {
        await Promise.all([g1.close(), g2.close()]);
      }
    });

    it('rejects with a retryable UNAVAILABLE when Redis cannot be reached', async () => {
      const down = new Redis({
        host: '127.0.0.1',
        port: await closedPort(),
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      down.on('error', () => {});
      try {
        const device = { userId: 'alice', deviceId: 1 };
        // Each answer caught at once: the rate limiter's call waits for the end of the turn, by
        // when the bus's calls have failed, before the loop below awaits them.
        const calls: Promise<unknown>[] = [
          redisDirectory({ client: down }).claim(device, { gatewayId: 'g', connectionId: 'c' }, 1000),
          redisDirectory({ client: down }).lookup([device]),
          redisDirectory({ client: down }).release(device, 'c'),
          redisRateLimiter({ client: down, capacity: 1, refillPerSecond: 1 }).consume('k'),
          redisBus({ client: down, subscriber: down, sharded: true }).publish('gw', new Uint8Array([1])),
          redisBus({ client: down, subscriber: down, sharded: true }).subscribe('gw', () => {}),
        ].map((call) =>
          call.then(
            () => undefined,
            (e: unknown) => e,
          ),
        );
        for (const call of calls) {
          const error = await call;
          expect(isParleyError(error, 'UNAVAILABLE'), String(error)).toBe(true);
          expect((error as { retryable?: boolean }).retryable).toBe(true);
        }
      } finally {
        down.disconnect();
      }
    });
  });
});
