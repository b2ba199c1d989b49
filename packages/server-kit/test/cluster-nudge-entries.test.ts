// Nudge notes that carry the entries just committed (cluster/recent-entries.ts): the gateway that
// holds the device delivers them without reading them back, and every fault of the note — lost,
// duplicated, reordered, late, stripped of its entries, or never sent because its gateway died —
// only delays a delivery, never loses, duplicates or reorders one.
import { pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { usePostgres } from '@parley/test-utils/postgres-fixture';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { useRedis } from '@parley/test-utils/redis-fixture';
import { servicesAvailable } from '@parley/test-utils/services';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeGatewayNote, encodeGatewayNote } from '../src/cluster/gateway-note.js';
import type { Bus } from '../src/contracts/bus.js';
import type { ServerStores } from '../src/contracts/stores.js';
import { migrate, postgresQueue, postgresStores } from '../src/postgres/index.js';
import { createServer, type ParleyServer } from '../src/server.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;
const available = await servicesAvailable('postgres', 'redis');

type Fault = 'pass' | 'drop' | 'twice' | 'hold' | 'strip';

/** A bus whose nudge notes to other gateways suffer `fault` (other messages pass untouched). */
function faultyBus(inner: Bus) {
  const state = {
    fault: 'pass' as Fault,
    /** Held notes, in the order they were published; `release` publishes one. */
    held: [] as Array<{ channel: string; data: Uint8Array }>,
    /** Notes that carried entries, as published (for a late replay). */
    withEntries: [] as Array<{ channel: string; data: Uint8Array }>,
  };
  const bus: Bus = {
    subscribe: (channel, handler) => inner.subscribe(channel, handler),
    close: () => inner.close(),
    async publish(channel, data) {
      const note = channel.startsWith('parley.gateway.') ? decodeGatewayNote(data) : undefined;
      if (note?.kind !== 'nudge') return inner.publish(channel, data);
      if (note.entries) state.withEntries.push({ channel, data });
      switch (state.fault) {
        case 'drop':
          return;
        case 'twice':
          await inner.publish(channel, data);
          return inner.publish(channel, data);
        case 'hold':
          state.held.push({ channel, data });
          return;
        case 'strip':
          return inner.publish(channel, encodeGatewayNote(note.from, { kind: 'nudge', device: note.device }));
        case 'pass':
          return inner.publish(channel, data);
      }
    },
  };
  const release = (i: number) => {
    const note = state.held[i] as { channel: string; data: Uint8Array };
    return inner.publish(note.channel, note.data);
  };
  return Object.assign(state, {
    bus,
    release,
    replay: (n: { channel: string; data: Uint8Array }) => inner.publish(n.channel, n.data),
  });
}

/** Counts the queue reads a pool's connections run. */
function countReads(pool: pg.Pool): { reads: number } {
  const counter = { reads: 0 };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as { text?: string } | string | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (text.includes('p.data AS shared')) counter.reads++;
      return query(...args);
    };
  });
  return counter;
}

describe.skipIf(!available)('nudge notes carrying entries between two gateways', () => {
  const db = usePostgres();
  const redis = useRedis();
  beforeAll(() => migrate(db.pool, { schema: db.schema }));

  const servers: ParleyServer[] = [];
  const stores: ServerStores[] = [];
  const peers: RawPeer[] = [];
  const timers: Array<ReturnType<typeof setInterval>> = [];
  afterEach(async () => {
    for (const t of timers.splice(0)) clearInterval(t);
    for (const p of peers.splice(0)) p.close();
    for (const s of servers.splice(0)) await s.close();
    for (const s of stores.splice(0)) await s.close();
    await db.reset();
  });

  /** g1 (alice's, with the faulty bus) and g2 (bob's, its queue reads counted); bob has had one message. */
  async function setup(limits: { idleTimeoutMs?: number } = {}, recentEntriesMs?: number) {
    const redisPrefix = redis.nextPrefix();
    const gateway = async (gatewayId: string) => {
      const pool = db.newPool();
      const counter = countReads(pool);
      const stored = postgresStores({ pool, redis: redis.newClient(), schema: db.schema, redisPrefix });
      // A longer memory than the default 2 s: a test then cannot pass by a remembered entry or
      // drained mark merely ageing out.
      const parts =
        recentEntriesMs === undefined
          ? stored
          : { ...stored, queue: postgresQueue({ pool, schema: db.schema, recentEntriesMs }) };
      const faults = faultyBus(parts.bus);
      const withFaults = { ...parts, bus: faults.bus };
      stores.push(withFaults);
      const server = await createServer({ stores: withFaults, gatewayId, limits });
      servers.push(server);
      return { server, faults, counter };
    };
    const g1 = await gateway('g1');
    const g2 = await gateway('g2');
    const bob = await RawPeer.authenticated(g2.server.url, 'bob', 1);
    peers.push(bob);
    await bob.waitFor((f) => f.body === 'syncComplete');
    const alice = await RawPeer.authenticated(g1.server.url, 'alice', 1);
    peers.push(alice);
    // Bob acknowledges what he gets, as a client does.
    let seen = 0;
    const ackLoop = setInterval(() => {
      const ids = bob.frames.slice(seen).flatMap((f) => (f.deliver?.envelopes ?? []).map((e) => e.id ?? ''));
      seen = bob.frames.length;
      if (ids.length > 0) bob.send({ requestId: 0, deliverAck: { ids } });
    }, 5);
    timers.push(ackLoop);
    const send = async (messageId: string) => {
      const ack = await alice.request({
        send: { messageId, userId: 'bob', noReceipts: true, shared: { type: PLAINTEXT, data: textContent(messageId) } },
      });
      expect(ack.body).toBe('sendAck');
    };
    const got = () => bob.frames.flatMap((f) => f.deliver?.envelopes ?? []).map((e) => e.messageId);
    // A first message: bob's pump has then read once and sent something (reads after seq 0 always go to the queue).
    await send('m0');
    await vi.waitFor(() => expect(got()).toEqual(['m0']));
    return { g1, g2, bob, alice, send, got };
  }

  it('delivers an entry told in the note without reading the queue', async () => {
    const { g2, send, got } = await setup();
    const reads = g2.counter.reads;
    await send('m1');
    await send('m2');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2']));
    expect(g2.counter.reads).toBe(reads);
  });

  it('delivers what its own gateway just stored without reading the queue', async () => {
    const { g2, got } = await setup();
    const carol = await RawPeer.authenticated(g2.server.url, 'carol', 1);
    peers.push(carol);
    await carol.waitFor((f) => f.body === 'syncComplete');
    const reads = g2.counter.reads;
    const ack = await carol.request({
      send: { messageId: 'c1', userId: 'bob', noReceipts: true, shared: { type: PLAINTEXT, data: textContent('c1') } },
    });
    expect(ack.body).toBe('sendAck');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'c1']));
    expect(g2.counter.reads).toBe(reads);
  });

  it('reads the queue when a note was lost, so the next one does not jump over it', async () => {
    const { g1, send, got } = await setup();
    g1.faults.fault = 'drop';
    await send('m1');
    g1.faults.fault = 'pass';
    await send('m2');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2']));
  });

  it('delivers once when every note arrives twice', async () => {
    const { g1, send, got } = await setup();
    g1.faults.fault = 'twice';
    for (const id of ['m1', 'm2', 'm3']) await send(id);
    g1.faults.fault = 'pass';
    await send('m4');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']));
  });

  it('delivers in seq order when notes arrive in reverse', async () => {
    const { g1, send, got } = await setup();
    g1.faults.fault = 'hold';
    await send('m1');
    await send('m2');
    expect(g1.faults.held).toHaveLength(2);
    await g1.faults.release(1);
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2']));
    await g1.faults.release(0);
    g1.faults.fault = 'pass';
    await send('m3');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2', 'm3']));
  });

  it('ignores a note whose entries arrive after the pump delivered them', async () => {
    const { g1, send, got } = await setup();
    g1.faults.fault = 'strip'; // a note without entries: bob's gateway reads the queue
    await send('m1');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1']));
    const late = g1.faults.withEntries.at(-1);
    expect(late).toBeDefined();
    await g1.faults.replay(late as { channel: string; data: Uint8Array });
    g1.faults.fault = 'pass';
    await send('m2');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2']));
  });

  it('delivers what a gateway stored before it died without sending its note', async () => {
    // A short idle timeout makes the directory sweep (which nudges live devices) run often.
    const { g1, bob, send, got } = await setup({ idleTimeoutMs: 1_200 });
    timers.push(setInterval(() => bob.send({ requestId: 9_999, ping: { nonce: 1 } }), 200));
    g1.faults.fault = 'drop';
    await send('m1');
    await g1.server.close();
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1']), { timeout: 10_000 });
  });

  it('delivers what a gateway stored before it died without its note, though the holder last found the queue drained', async () => {
    // Bob's gateway read the queue short (m0) and remembers that for a minute: only the directory
    // sweep's forget, not the mark ageing, can send its next read to the queue.
    const { g1, g2, bob, send, got } = await setup({ idleTimeoutMs: 1_200 }, 60_000);
    const reads = g2.counter.reads;
    timers.push(setInterval(() => bob.send({ requestId: 9_999, ping: { nonce: 1 } }), 200));
    g1.faults.fault = 'drop';
    await send('m1');
    await g1.server.close();
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1']), { timeout: 10_000 });
    expect(g2.counter.reads).toBeGreaterThan(reads);
  });

  it('spares the read a nudge makes when its entries already came with a store read', async () => {
    const { g1, g2, send, got } = await setup({}, 60_000);
    // m1's note is held, so bob's gateway reads m1 from the queue (its note for m2 carries m2 only).
    g1.faults.fault = 'hold';
    await send('m1');
    g1.faults.fault = 'strip';
    await send('m2');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2']));
    const reads = g2.counter.reads;
    // m1's note comes late: its entry was delivered already, and memory knows nothing is newer.
    await g1.faults.release(0);
    g1.faults.fault = 'pass';
    await send('m3');
    await vi.waitFor(() => expect(got()).toEqual(['m0', 'm1', 'm2', 'm3']));
    expect(g2.counter.reads).toBe(reads);
  });
});
