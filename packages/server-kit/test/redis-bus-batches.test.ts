// The Redis bus sends what one tick published on a channel as one Redis message (bus-batches.ts):
// a gateway's notes to another gateway after a group commit cost one SPUBLISH, not one each.
import { servicesAvailable } from '@parley/test-utils/services';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { batchesOf, decodeBatch, encodeBatch, MAX_BATCH_BYTES } from '../src/redis/bus-batches.js';
import { redisBus } from '../src/redis/index.js';
import { redisVariants } from './helpers/redis-variants.js';

const available = await servicesAvailable('redis');
const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('bus batch frames', () => {
  it('sends a lone message as it is, unless it starts with byte 0', () => {
    expect(encodeBatch([text('hi')])).toEqual(text('hi'));
    expect(encodeBatch([bytes()])).toEqual(bytes());
    expect(encodeBatch([bytes(0, 1)])).toEqual(bytes(0, 2, 0, 1));
  });

  it('reads back every message of a batch, in order, and a lone message as one', () => {
    const big = new Uint8Array(300).fill(7); // a two-byte length
    const messages = [text('a'), bytes(), bytes(0, 0), big, text('last')];
    expect(decodeBatch(encodeBatch(messages))).toEqual(messages);
    expect(decodeBatch(text('lone'))).toEqual([text('lone')]);
    expect(decodeBatch(bytes())).toEqual([bytes()]);
  });

  it('refuses a malformed batch', () => {
    expect(decodeBatch(bytes(0, 5, 1, 2))).toBeUndefined(); // shorter than its length
    expect(decodeBatch(bytes(0, 0x80))).toBeUndefined(); // a length cut off
    expect(decodeBatch(bytes(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01))).toBeUndefined(); // a length too long
  });

  it('splits a tick of messages into frames within the size bound, a larger message alone', () => {
    const half = new Uint8Array(MAX_BATCH_BYTES / 2);
    const huge = new Uint8Array(MAX_BATCH_BYTES * 2);
    const groups = batchesOf([half, text('a'), half, huge, text('b')], (m) => m);
    expect(groups.map((g) => g.map((m) => m.byteLength))).toEqual([
      [half.byteLength, 1],
      [half.byteLength],
      [huge.byteLength],
      [1],
    ]);
    for (const group of groups.slice(0, 2)) expect(encodeBatch(group).byteLength).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  });
});

describe.skipIf(!available).each(redisVariants)('redisBus batches ($name)', ({ use }) => {
  const redis = use();

  /** The publishing client, counting the commands it sends. */
  function counting(client: Redis) {
    const sent: string[] = [];
    const proxy = new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'call' || typeof value !== 'function')
          return typeof value === 'function' ? value.bind(target) : value;
        return (command: string, ...args: unknown[]) => {
          sent.push(String(command));
          return (value as (...a: unknown[]) => unknown).call(target, command, ...args);
        };
      },
    });
    return { client: proxy, published: () => sent.filter((c) => /PUBLISH$/.test(c)).length };
  }

  it('sends the messages one tick publishes on a channel as one Redis message, each handed on in order', async () => {
    const prefix = redis.nextPrefix();
    const counted = counting(redis.client);
    const bus = redisBus({ client: counted.client, subscriber: redis.newClient(), prefix });
    const other = redisBus({ client: redis.newClient(), prefix });
    try {
      const received: string[] = [];
      await other.subscribe('gw2', (data) => received.push(new TextDecoder().decode(data)));
      const before = counted.published();
      await Promise.all(['n1', 'n2', 'n3'].map((n) => bus.publish('gw2', text(n))));
      await Promise.all([bus.publish('gw2', text('n4')), bus.publish('all', text('x'))]);
      await vi.waitFor(() => expect(received).toEqual(['n1', 'n2', 'n3', 'n4']));
      // One command for the first tick's three, one per channel for the second.
      expect(counted.published() - before).toBe(3);
    } finally {
      await Promise.all([bus.close(), other.close()]);
    }
  });

  it('keeps a lone message as it was, so a gateway of an earlier version reads it', async () => {
    const prefix = redis.nextPrefix();
    const bus = redisBus({ client: redis.client, prefix, sharded: false });
    const raw = redis.newClient();
    try {
      const got: Buffer[] = [];
      raw.on('messageBuffer', (_channel: Buffer, message: Buffer) => got.push(message));
      await raw.subscribe(`${prefix}gw`);
      await bus.publish('gw', text('lone'));
      await vi.waitFor(() => expect(got.map((m) => m.toString())).toEqual(['lone']));
    } finally {
      await bus.close();
    }
  });

  it('hands on a lone message starting with byte 0 intact, and sends one command each with batch: false', async () => {
    const prefix = redis.nextPrefix();
    const counted = counting(redis.client);
    const bus = redisBus({ client: counted.client, subscriber: redis.newClient(), prefix, batch: false });
    const other = redisBus({ client: redis.newClient(), prefix });
    try {
      const received: Uint8Array[] = [];
      await other.subscribe('gw', (data) => received.push(data));
      const before = counted.published();
      await Promise.all([bus.publish('gw', bytes(0, 1)), bus.publish('gw', bytes(2))]);
      expect(counted.published() - before).toBe(2);
      await vi.waitFor(() => expect(received).toEqual([bytes(0, 1), bytes(2)]));
    } finally {
      await Promise.all([bus.close(), other.close()]);
    }
  });
});
