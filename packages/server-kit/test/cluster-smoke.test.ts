import { type AuthKeyPair, newMessageId, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { useRedis } from '@parley/test-utils/redis-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerStores } from '../src/contracts/stores.js';
import { closeCode } from '../src/index.js';
import { migrate, postgresStores } from '../src/postgres/index.js';
import { createServer, type ParleyServer } from '../src/server.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

const available = await servicesAvailable('postgres', 'redis');

describe.skipIf(!available)('two gateways on PostgreSQL and Redis', () => {
  const db = usePostgres();
  const redis = useRedis();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  const servers: ParleyServer[] = [];
  const stores: ServerStores[] = [];
  const peers: RawPeer[] = [];
  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    for (const s of servers.splice(0)) await s.close();
    for (const s of stores.splice(0)) await s.close();
    await db.reset();
  });

  /** Two gateways as two processes would run them: each with its own pool and Redis connection. */
  async function twoGateways() {
    const redisPrefix = redis.nextPrefix();
    const gateway = async (gatewayId: string) => {
      const parts = postgresStores({ pool: db.newPool(), redis: redis.newClient(), schema: db.schema, redisPrefix });
      stores.push(parts);
      const server = await createServer({ stores: parts, gatewayId });
      servers.push(server);
      return { server, stores: parts };
    };
    return { g1: await gateway('g1'), g2: await gateway('g2') };
  }

  const connect = async (url: string, userId: string, key?: AuthKeyPair) => {
    const peer = await RawPeer.authenticated(url, userId, 1, key);
    peers.push(peer);
    return peer;
  };
  const envelopes = (frames: RawPeer['frames']) => frames.flatMap((f) => f.deliver?.envelopes ?? []);
  const carries = (messageId: string) => (frame: RawPeer['frames'][number]) =>
    envelopes([frame]).some((e) => e.messageId === messageId);
  const send = (from: RawPeer, to: string, messageId: string) =>
    from.request({ send: { messageId, userId: to, shared: { type: PLAINTEXT, data: textContent(messageId) } } });

  it('delivers a message across gateways once, and empties the queue on ack', async () => {
    const { g1, g2 } = await twoGateways();
    const bob = await connect(g2.server.url, 'bob');
    await bob.waitFor((f) => f.body === 'syncComplete');
    const alice = await connect(g1.server.url, 'alice');
    expect((await send(alice, 'bob', 'cross-1')).body).toBe('sendAck');
    const [envelope] = envelopes([await bob.waitFor(carries('cross-1'))]);
    expect(envelope?.sender).toMatchObject({ userId: 'alice', deviceId: 1 });
    bob.send({ deliverAck: { ids: [envelope?.id ?? ''] } });
    await vi.waitFor(async () => expect(await g1.stores.queue.count({ userId: 'bob', deviceId: 1 })).toBe(0));
    // A later message arriving means the first would have been delivered again by now if it were going to be.
    await send(alice, 'bob', 'cross-2');
    await bob.waitFor(carries('cross-2'));
    expect(envelopes(bob.frames).filter((e) => e.messageId === 'cross-1')).toHaveLength(1);
  });

  it('closes the older connection of a device that connects to the other gateway (REPLACED)', async () => {
    const { g1, g2 } = await twoGateways();
    const first = await connect(g1.server.url, 'carol');
    const second = await connect(g2.server.url, 'carol', first.key);
    expect(await first.waitClosed()).toBe(closeCode(pb.CloseReason.CLOSE_REASON_REPLACED));
    const alice = await connect(g1.server.url, 'alice');
    await send(alice, 'carol', newMessageId());
    expect((await second.waitFor((f) => f.body === 'deliver')).body).toBe('deliver');
    expect(second.closeCode).toBeUndefined();
  });

  it('keeps what was sent to an offline device in PostgreSQL until it connects to either gateway', async () => {
    const { g1, g2 } = await twoGateways();
    const dave = await connect(g2.server.url, 'dave');
    dave.close();
    const alice = await connect(g1.server.url, 'alice');
    const ids = ['offline-1', 'offline-2', 'offline-3'];
    for (const id of ids) await send(alice, 'dave', id);
    const again = await connect(g1.server.url, 'dave', dave.key);
    await again.waitFor((f) => f.body === 'syncComplete');
    expect(envelopes(again.frames).map((e) => e.messageId)).toEqual(ids);
  });
});
