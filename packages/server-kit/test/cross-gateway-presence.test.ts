import { pb, type ServerFrame } from '@parley/core';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { useRedis } from '@parley/test-utils/redis-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStores } from '../src/contracts/stores.js';
import { createServer, memoryStores, type ParleyServer } from '../src/index.js';
import { migrate, postgresStores } from '../src/postgres/index.js';

const limits = { presenceCoalesceMs: 10 };
type StoresFor = (gatewayId: string) => ServerStores;

const servers: ParleyServer[] = [];
const peers: RawPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  for (const s of servers.splice(0)) await s.close();
});

async function gateways(storesFor: StoresFor) {
  const g1 = await createServer({ stores: storesFor('g1'), gatewayId: 'g1', limits });
  const g2 = await createServer({ stores: storesFor('g2'), gatewayId: 'g2', limits });
  servers.push(g1, g2);
  return { g1, g2 };
}

async function peer(url: string, userId: string) {
  const p = await RawPeer.authenticated(url, userId);
  peers.push(p);
  await p.waitFor((f) => f.body === 'syncComplete');
  return p;
}

const stateOf = (f: ServerFrame, userId: string) => f.presenceChanged?.states?.find((s) => s.userId === userId);

/** The cross-gateway scenarios, run on any pair of gateways sharing one set of stores. */
function scenarios(storesFor: () => StoresFor) {
  it('shows a user online on another gateway, then offline with last seen after disconnect', async () => {
    const { g1, g2 } = await gateways(storesFor());
    const bob = await peer(g2.url, 'bob');
    const before = await bob.request({ presenceSubscribe: { userIds: ['alice'] } });
    expect(before.presenceSnapshot?.states?.[0]?.online ?? false).toBe(false);
    const alice = await peer(g1.url, 'alice');
    await bob.waitFor((f) => stateOf(f, 'alice')?.online === true);
    const snapshot = await bob.request({ presenceSubscribe: { userIds: ['alice'] } });
    expect(snapshot.presenceSnapshot?.states?.[0]?.online).toBe(true);
    const leftAt = Date.now();
    alice.close();
    const offline = await bob.waitFor((f) => stateOf(f, 'alice')?.online === false);
    expect(Number(stateOf(offline, 'alice')?.lastSeen)).toBeGreaterThanOrEqual(leftAt - 1_000);
  });

  it('relays typing start and stop to a peer on another gateway', async () => {
    const { g1, g2 } = await gateways(storesFor());
    const bob = await peer(g2.url, 'bob');
    const alice = await peer(g1.url, 'alice');
    await alice.request({ typing: { userId: 'bob', typing: true } });
    const start = await bob.waitFor((f) => f.body === 'typingChanged');
    expect(start.typingChanged).toMatchObject({ userId: 'alice', typing: true });
    await alice.request({ typing: { userId: 'bob', typing: false } });
    await bob.waitFor((f) => f.body === 'typingChanged' && f.typingChanged?.typing === false);
  });

  it('applies the privacy rules of the user on the other gateway', async () => {
    const { g1, g2 } = await gateways(storesFor());
    const alice = await peer(g1.url, 'alice');
    await alice.request({ setPrivacy: { lastSeen: pb.LastSeenVisibility.LAST_SEEN_VISIBILITY_NOBODY } });
    const bob = await peer(g2.url, 'bob');
    const snapshot = await bob.request({ presenceSubscribe: { userIds: ['alice', 'carol'] } });
    expect(snapshot.presenceSnapshot?.states?.map((s) => s.userId)).toEqual(['carol']);
    const carol = await peer(g1.url, 'carol');
    // carol (visible) coming online reaches bob; alice's changes never do.
    await bob.waitFor((f) => stateOf(f, 'carol')?.online === true);
    carol.close();
    alice.close();
    await bob.waitFor((f) => stateOf(f, 'carol')?.online === false);
    expect(bob.frames.some((f) => stateOf(f, 'alice') !== undefined)).toBe(false);
  });
}

describe('presence and typing across gateways (memory stores)', () => {
  scenarios(() => {
    const stores = memoryStores();
    return () => stores;
  });
});

const available = await servicesAvailable('postgres', 'redis');

describe.skipIf(!available)('presence and typing across gateways (PostgreSQL and Redis)', () => {
  const db = usePostgres();
  const redis = useRedis();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));
  const opened: ServerStores[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const s of opened.splice(0)) await s.close();
    await db.reset();
  });
  scenarios(() => {
    const redisPrefix = redis.nextPrefix();
    return () => {
      const parts = postgresStores({ pool: db.newPool(), redis: redis.newClient(), schema: db.schema, redisPrefix });
      opened.push(parts);
      return parts;
    };
  });
});
