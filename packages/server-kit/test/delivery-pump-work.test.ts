import { decodeServerFrame } from '@parley/core';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../src/contracts/logger.js';
import type { OfflineQueue } from '../src/contracts/offline-queue.js';
import type { Connection } from '../src/gateway/connection.js';
import { DeliveryPump } from '../src/gateway/delivery-pump.js';
import { memoryQueue } from '../src/memory/memory-queue.js';
import { type EnvelopeParts, encodeDeliverFrameOf, encodeEnvelope } from '../src/messages/envelope.js';

// A pump keeps what it is working on (entries in flight, an offered batch, a rewind, a retry, the
// first sync's count) in an object it drops once all is done, so an idle connection holds none of it.
// Dropping it must lose nothing still needed, and work coming later must find it made again.

const bob = { userId: 'bob', deviceId: 1 };

function harness(window = 100) {
  const frames: string[][] = [];
  const syncs: number[] = [];
  const connection = {
    isOpen: true,
    address: bob,
    sendDeliver(envelopes: readonly EnvelopeParts[]) {
      const bytes = encodeDeliverFrameOf(envelopes);
      frames.push((decodeServerFrame(bytes).deliver?.envelopes ?? []).map((e) => e.id ?? ''));
      return true;
    },
  } as unknown as Connection;
  const inner = memoryQueue();
  /** Reads wait while `held` is set, so a test can act while the pump is reading. */
  let held: Promise<void> | undefined;
  const queue: OfflineQueue = {
    ...inner,
    read: async (device, options) => {
      await held;
      return inner.read(device, options);
    },
  };
  const pump = new DeliveryPump(
    { queue, window, maxFrameBytes: 1 << 20, logger: silentLogger, onSyncComplete: (_c, n) => syncs.push(n) },
    connection,
  );
  const store = async (ids: string[]) => {
    const items = ids.map((id) => ({ device: bob, id, data: encodeEnvelope({ id }) }));
    const results = await inner.enqueue(items);
    return results.map((r, i) => ({ id: r.id, seq: r.seq, data: items[i]?.data as Uint8Array }));
  };
  const hold = () => {
    let release = () => {};
    held = new Promise<void>((r) => {
      release = r;
    });
    return () => {
      held = undefined;
      release();
    };
  };
  return { pump, frames, syncs, store, inner, hold };
}

describe('a delivery pump dropping its work when done', () => {
  it('takes new entries after everything was acknowledged, and forgets the acknowledged ones', async () => {
    const { pump, frames, syncs, store, inner } = harness();
    pump.nudge();
    await vi.waitFor(() => expect(syncs).toEqual([0]));
    const [m1] = await store(['m1']);
    pump.offer(m1!);
    await vi.waitFor(() => expect(frames).toEqual([['m1']]));
    await pump.ack(['m1']); // nothing left: the work goes
    expect(pump.outstanding(['m1'])).toEqual([]);
    const [m2] = await store(['m2']);
    pump.offer(m2!);
    await vi.waitFor(() => expect(frames).toEqual([['m1'], ['m2']]));
    expect(pump.outstanding(['m1', 'm2'])).toEqual(['m2']);
    await pump.ack(['m2']);
    expect(await inner.count(bob)).toBe(0);
  });

  it('reports every entry of the first sync, even those acknowledged before it ended', async () => {
    const { pump, frames, syncs, store, hold } = harness(2);
    await store(['m1', 'm2', 'm3']);
    const release = hold();
    pump.nudge();
    release();
    await vi.waitFor(() => expect(frames).toEqual([['m1', 'm2']])); // a full window: more to read
    const releaseAgain = hold();
    await pump.ack(['m1', 'm2']); // the window is free, nothing in flight: only the count remains
    releaseAgain();
    await vi.waitFor(() => expect(syncs).toEqual([3]));
    expect(frames).toEqual([['m1', 'm2'], ['m3']]);
  });

  it('keeps a rewind asked for during a read, while everything in flight is acknowledged', async () => {
    const { pump, frames, syncs, store, hold } = harness();
    pump.nudge();
    await vi.waitFor(() => expect(syncs).toEqual([0]));
    const [early, late] = await store(['m1', 'm2']);
    pump.offer(late!); // the request that stored m2 finished first
    await vi.waitFor(() => expect(frames).toEqual([['m2']]));
    const release = hold();
    pump.nudge(); // a read starts (after m2) and waits
    pump.offer(early!); // m1 is behind m2: the next read must start before it
    await pump.ack(['m2']); // nothing in flight any more while the rewind is pending
    release();
    await vi.waitFor(() => expect(frames).toEqual([['m2'], ['m1']]));
  });
});
