import { decodeServerFrame } from '@parley/core';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { silentLogger } from '../src/contracts/logger.js';
import type { Connection } from '../src/gateway/connection.js';
import { DeliveryPump } from '../src/gateway/delivery-pump.js';
import { memoryQueue } from '../src/memory/memory-queue.js';
import { type EnvelopeParts, encodeDeliverFrameOf, encodeEnvelope } from '../src/messages/envelope.js';

const bob = { userId: 'bob', deviceId: 1 };

/** A caught-up pump whose Deliver frames are recorded as lists of envelope ids. */
async function caughtUpPump() {
  const frames: string[][] = [];
  const connection = {
    isOpen: true,
    address: bob,
    sendDeliver(envelopes: readonly EnvelopeParts[]) {
      const bytes = encodeDeliverFrameOf(envelopes);
      frames.push((decodeServerFrame(bytes).deliver?.envelopes ?? []).map((e) => e.id ?? ''));
      return true;
    },
  } as unknown as Connection;
  const queue = memoryQueue();
  let synced = false;
  const pump = new DeliveryPump(
    {
      queue,
      window: DEFAULT_LIMITS.deliveryWindow,
      maxFrameBytes: DEFAULT_LIMITS.maxFrameBytes,
      logger: silentLogger,
      onSyncComplete: () => {
        synced = true;
      },
    },
    connection,
  );

  pump.nudge();
  await vi.waitFor(() => expect(synced).toBe(true));
  /** Stores entries (as one group commit would) and offers each to the pump. */
  const store = async (ids: string[]) => {
    const items = ids.map((id) => ({ device: bob, id, data: encodeEnvelope({ id }) }));
    const results = await queue.enqueue(items);
    return results.map((r, i) => ({ id: r.id, seq: r.seq, data: items[i]!.data }));
  };
  return { pump, frames, store };
}

describe('deliveries offered in one tick', () => {
  it('leave in one Deliver frame, in seq order, and an entry of a later tick in the next frame', async () => {
    const { pump, frames, store } = await caughtUpPump();
    const entries = await store(['m1', 'm2', 'm3']);
    for (const entry of entries) pump.offer(entry);
    expect(frames).toEqual([]); // not before the tick ends
    await vi.waitFor(() => expect(frames).toEqual([['m1', 'm2', 'm3']]));
    expect(pump.outstanding(['m1', 'm2', 'm3'])).toEqual(['m1', 'm2', 'm3']);

    const [later] = await store(['m4']);
    pump.offer(later!);
    await vi.waitFor(() => expect(frames).toEqual([['m1', 'm2', 'm3'], ['m4']]));
  });

  it('are sent before entries the pump reads from the queue afterwards', async () => {
    const { pump, frames, store } = await caughtUpPump();
    const [first, second] = await store(['m1', 'm2']);
    pump.offer(first!);
    pump.nudge(); // a read starts in the same tick and finds m2
    pump.offer(second!); // the pump is reading: m2 is left to the read
    await vi.waitFor(() => expect(frames.flat()).toEqual(['m1', 'm2']));
  });

  it('still go out when offered out of seq order (their requests finished in another order)', async () => {
    const { pump, frames, store } = await caughtUpPump();
    const [early, late] = await store(['m1', 'm2']);
    pump.offer(late!); // the request that stored m2 finished first
    await vi.waitFor(() => expect(frames.flat()).toEqual(['m2']));
    pump.offer(early!);
    // Before: m1 was left for a read after m2's seq, that is, until the next connection.
    await vi.waitFor(() => expect(frames.flat()).toEqual(['m2', 'm1']));
    expect(pump.outstanding(['m1', 'm2'])).toEqual(['m1', 'm2']);
    const [next] = await store(['m3']);
    pump.offer(next!);
    await vi.waitFor(() => expect(frames.flat()).toEqual(['m2', 'm1', 'm3'])); // nothing sent twice
  });
});
