import { createClient, memoryClientStore, type ParleyClient, type ReceivedMessage } from '@parley/client';
import {
  canStartPostgres,
  type GatewayProcess,
  type RestartableService,
  startGateway,
  startPostgresCluster,
  startRedisServer,
} from '@parley/test-utils/fault-processes';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { collect } from '@parley/test-utils/received-messages';
import { useRedis } from '@parley/test-utils/redis-fixture';
import { POSTGRES_URL, REDIS_URL, servicesAvailable, uniqueName } from '@parley/test-utils/services';
import { afterAll, describe, expect, it, onTestFailed, vi } from 'vitest';
import { type FailoverSocket, failoverSocket } from './helpers/cluster-faults-failover.js';
import { numbered, onCleanup, reusable, texts } from './helpers/harness.js';

// Gateways run as child processes on PostgreSQL + Redis; a fault is injected while two
// @parley/client clients exchange messages through them, and the delivery contract must hold:
// every message seen exactly once, in order per sender, and acknowledged as delivered.

const available = await servicesAvailable('postgres', 'redis');
const required = process.env.PARLEY_REQUIRE_SERVICES === '1';
if (available && !canStartPostgres()) {
  const message = 'initdb/postgres not found under /usr/lib/postgresql: the PostgreSQL restart test cannot run';
  if (required) throw new Error(`PARLEY_REQUIRE_SERVICES=1 but ${message}`);
  console.warn(`${message}: skipping it`);
}

/** A client and what it saw. */
interface Peer {
  client: ParleyClient;
  got: ReceivedMessage[];
  socket: FailoverSocket;
  states: Array<{ state: string; reason: string | undefined }>;
}

function peer(userId: string, urls: string[], store = memoryClientStore()): Peer {
  const socket = failoverSocket(urls);
  const client = createClient({
    url: urls[0] as string,
    userId,
    store,
    WebSocket: socket.WebSocket,
    reconnect: { minDelayMs: 20, maxDelayMs: 300 },
  });
  onCleanup(() => client.close());
  const states: Peer['states'] = [];
  client.on('connection:state', (s) => states.push({ state: s.state, reason: s.reason }));
  return { client, got: collect(client), socket, states };
}

/** Waits until every id has a delivered (or read) receipt at the sender. */
async function expectAllDelivered(sender: ParleyClient, ids: string[]): Promise<void> {
  await vi.waitFor(
    async () => {
      const statuses = await Promise.all(ids.map((id) => sender.messageStatus(id)));
      const missing = ids.filter((_, i) => statuses[i] !== 'delivered' && statuses[i] !== 'read');
      expect(missing, `${missing.length} of ${ids.length} without a delivered receipt`).toEqual([]);
    },
    { timeout: 60_000, interval: 250 },
  );
}

/**
 * alice and bob send `n` texts each to the other, concurrently; once `faultAfter` messages were
 * received in all, `fault()` runs while the rest are in flight. Then: each side saw the other's
 * texts exactly once and in order, and every message got its delivered receipt. Returns how many
 * of the 2n texts had arrived when the fault was over: fewer than 2n means some crossed it.
 */
async function exchangeThrough(
  alice: Peer,
  bob: Peer,
  n: number,
  faultAfter: number,
  fault: () => Promise<void>,
): Promise<{ receivedWhenFaultOver: number }> {
  await Promise.all([alice.client.connect(), bob.client.connect()]);
  // Sessions first, so the exchange under test is all texts on established sessions (both sides
  // starting sessions at the same moment is e2ee.test.ts's subject, not this one's).
  await alice.client.sendText('bob', 'hello bob');
  await vi.waitFor(() => expect(texts(bob.got)).toEqual(['hello bob']), { timeout: 30_000 });
  await bob.client.sendText('alice', 'hello alice');
  await vi.waitFor(() => expect(texts(alice.got)).toEqual(['hello alice']), { timeout: 30_000 });
  alice.got.length = 0;
  bob.got.length = 0;
  const toBob = numbered('from-alice', n);
  const toAlice = numbered('from-bob', n);
  let faulted: Promise<void> | undefined;
  let receivedWhenFaultOver = -1;
  const maybeFault = () => {
    if (faulted === undefined && alice.got.length + bob.got.length >= faultAfter) {
      faulted = fault().then(() => {
        receivedWhenFaultOver = alice.got.length + bob.got.length;
      });
    }
  };
  alice.client.on('message:received', maybeFault);
  bob.client.on('message:received', maybeFault);

  const [aliceSent, bobSent] = await Promise.all([
    Promise.all(toBob.map((t) => alice.client.sendText('bob', t))),
    Promise.all(toAlice.map((t) => bob.client.sendText('alice', t))),
  ]);
  expect(faulted, 'the fault ran while messages were in flight').toBeDefined();
  await faulted;
  await vi.waitFor(
    () => {
      expect(bob.got.length).toBeGreaterThanOrEqual(n);
      expect(alice.got.length).toBeGreaterThanOrEqual(n);
    },
    { timeout: 60_000, interval: 100 },
  );
  // One more message each way, after everything: a duplicate of an earlier one would be delivered before it.
  await Promise.all([alice.client.sendText('bob', 'last-from-alice'), bob.client.sendText('alice', 'last-from-bob')]);
  await vi.waitFor(
    () => {
      expect(texts(bob.got)).toContain('last-from-alice');
      expect(texts(alice.got)).toContain('last-from-bob');
    },
    { timeout: 30_000 },
  );
  expect(texts(bob.got)).toEqual([...toBob, 'last-from-alice']);
  expect(texts(alice.got)).toEqual([...toAlice, 'last-from-bob']);
  await Promise.all([
    expectAllDelivered(
      alice.client,
      aliceSent.map((r) => r.id),
    ),
    expectAllDelivered(
      bob.client,
      bobSent.map((r) => r.id),
    ),
  ]);
  return { receivedWhenFaultOver };
}

describe.skipIf(!available)('cluster faults: gateways on PostgreSQL + Redis, real clients', () => {
  const db = usePostgres();
  const redis = useRedis();
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  /** Two gateway processes on a fresh schema of the shared PostgreSQL and a fresh Redis prefix. */
  async function twoGateways(services: { databaseUrl?: string; redisUrl?: string } = {}) {
    const schema = uniqueName('faults');
    if (!services.databaseUrl) schemas.push(schema);
    const common = {
      databaseUrl: services.databaseUrl ?? POSTGRES_URL,
      redisUrl: services.redisUrl ?? REDIS_URL,
      schema,
      redisPrefix: redis.nextPrefix(),
      // Only the shared PostgreSQL, which no test kills, may skip waiting for the disk.
      asyncCommit: services.databaseUrl === undefined,
    };
    const started: GatewayProcess[] = [];
    onCleanup(() => Promise.all(started.map((g) => g.kill())));
    // One after the other: both would migrate the fresh schema at once otherwise (safe, but slower).
    for (const gatewayId of ['g1', 'g2']) started.push(await startGateway({ ...common, gatewayId }));
    onTestFailed(() => {
      for (const [i, g] of started.entries()) console.error(`gateway g${i + 1} output:\n${g.output()}`);
    });
    return started as [GatewayProcess, GatewayProcess];
  }

  it('loses and duplicates nothing when a gateway is SIGKILLed mid-exchange (1,000 messages each way)', async () => {
    const [g1, g2] = await twoGateways();
    const alice = peer('alice', [g1.url, g2.url]);
    const bob = peer('bob', [g2.url, g1.url]);
    const { receivedWhenFaultOver } = await exchangeThrough(alice, bob, 1000, 500, () => g1.kill());
    // The kill hit mid-exchange: texts were still to arrive once g1 was dead, so they crossed the fault.
    expect(receivedWhenFaultOver).toBeLessThan(2000);
    // alice lost her gateway and carried on through the other one.
    expect(alice.states.map((s) => s.state)).toContain('reconnecting');
    expect(alice.socket.dialed.slice(1)).toContain(g2.url);
  }, 180_000);

  // A Redis restart empties the session directory: nudges for devices it no longer places go to every
  // gateway, and each gateway re-reads its devices' queues when it re-claims them.
  it('loses and duplicates nothing when Redis restarts (empty) during traffic', async () => {
    const ownRedis: RestartableService = await startRedisServer();
    onCleanup(() => ownRedis.dispose());
    const [g1, g2] = await twoGateways({ redisUrl: ownRedis.url });
    const alice = peer('alice', [g1.url, g2.url]);
    const bob = peer('bob', [g2.url, g1.url]);
    await exchangeThrough(alice, bob, 300, 150, async () => {
      await ownRedis.stop();
      // The outage lasts a while (a scenario parameter, not a wait for a condition).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await ownRedis.start();
    });
  }, 120_000);

  it.skipIf(!canStartPostgres())(
    'loses and duplicates nothing when PostgreSQL crashes and restarts during traffic',
    async () => {
      const ownPostgres = await startPostgresCluster();
      onCleanup(() => ownPostgres.dispose());
      const [g1, g2] = await twoGateways({ databaseUrl: ownPostgres.url });
      const alice = peer('alice', [g1.url, g2.url]);
      const bob = peer('bob', [g2.url, g1.url]);
      await exchangeThrough(alice, bob, 300, 150, async () => {
        await ownPostgres.stop();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await ownPostgres.start();
      });
    },
    120_000,
  );

  it('closes the older connection of a device that connects again through the other gateway', async () => {
    const [g1, g2] = await twoGateways();
    const carolStore = reusable(memoryClientStore());
    const first = peer('carol', [g1.url], carolStore);
    await first.client.connect();
    const second = peer('carol', [g2.url], carolStore);
    await second.client.connect();
    await vi.waitFor(() => expect(first.client.state).toBe('closed'), { timeout: 15_000 });
    expect(first.states.at(-1)).toEqual({ state: 'closed', reason: 'this device connected elsewhere' });
    expect(first.client.deviceId).toBe(second.client.deviceId);

    const alice = peer('alice', [g1.url]);
    await alice.client.sendText('carol', 'to the newer connection');
    await vi.waitFor(() => expect(texts(second.got)).toEqual(['to the newer connection']), { timeout: 15_000 });
    expect(first.got).toEqual([]);
    // The older connection stays closed: it does not fight back for the device.
    expect(first.socket.dialed).toEqual([g1.url]);
    expect(second.client.state).toBe('connected');
  });
});
