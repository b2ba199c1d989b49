import { ParleyError } from '@parley/core';
import {
  DEFAULT_QUEUE_TTL_MS,
  type EnqueueOptions,
  type EnqueueResult,
  type OfflineQueue,
  type QueueEntry,
  type QueueItem,
  type QueueOptions,
  queueFull,
  senderShareFull,
} from '../contracts/offline-queue.js';
import { checkSharedKeys } from '../contracts/shared-payloads.js';
import { type DeviceAddress, deviceKey, systemClock } from '../contracts/types.js';

interface Slot {
  id: string;
  seq: number;
  data: Uint8Array;
  storedAt: number;
  expiresAt: number;
  /** False once acked, expired-and-purged or cleared; dead slots are compacted away lazily. */
  live: boolean;
  /** The shared payload the entry references (counted in its `refs`). */
  shared?: Shared | undefined;
  /** Whom the entry counts against for `maxPerSender`. */
  sender?: string | undefined;
}

/** A payload stored once for many entries; dropped with the last entry that references it. */
interface Shared {
  key: string;
  data: Uint8Array;
  refs: number;
}

/** What is left of an acknowledged entry: enough to answer a late resend as a duplicate. */
interface AckMark {
  seq: number;
  storedAt: number;
  ackedAt: number;
}

interface DeviceQueue {
  /** Entries in seq order (appended only, so sorted); `head` skips the dead prefix. */
  slots: Slot[];
  head: number;
  /** Dead slots at or after `head`, to know when compaction pays off. */
  dead: number;
  /** Live slots by id: O(1) dedup and ack. */
  byId: Map<string, Slot>;
  acked: Map<string, AckMark>;
  /** Live slots (expired ones included until purged) per sender: a cheap bound for `maxPerSender`. */
  senders: Map<string, number>;
}

const EMPTY = new Uint8Array(0);

/** Compact once at least this many slots are dead and they are at least half of the array. */
const COMPACT_MIN_DEAD = 64;

/**
 * An in-memory {@link OfflineQueue} for tests and single-process development. Not durable: the
 * "survives a crash" guarantee holds only for the life of the process.
 *
 * Enqueue, ack and dedup are O(1) per item; `read` is a binary search plus the page.
 */
export function memoryQueue(options: QueueOptions = {}): OfflineQueue {
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? DEFAULT_QUEUE_TTL_MS;
  if (!(ttlMs > 0)) throw new ParleyError('INVALID_ARGUMENT', 'ttlMs must be positive');
  const queues = new Map<string, DeviceQueue>();
  const sharedPayloads = new Map<string, Shared>();
  // One counter for all devices: strictly increasing per device too, and it lets an emptied
  // device's state be dropped without ever reusing a seq.
  let lastSeq = 0;

  const newQueue = (): DeviceQueue => ({
    slots: [],
    head: 0,
    dead: 0,
    byId: new Map(),
    acked: new Map(),
    senders: new Map(),
  });

  const kill = (q: DeviceQueue, slot: Slot): void => {
    slot.live = false;
    q.byId.delete(slot.id);
    q.dead++;
    if (slot.sender !== undefined) {
      const left = (q.senders.get(slot.sender) ?? 1) - 1;
      if (left > 0) q.senders.set(slot.sender, left);
      else q.senders.delete(slot.sender);
    }
    const shared = slot.shared;
    if (shared) {
      slot.shared = undefined;
      if (--shared.refs === 0) sharedPayloads.delete(shared.key);
    }
  };

  const compact = (q: DeviceQueue): void => {
    while (q.head < q.slots.length && !q.slots[q.head]!.live) {
      q.head++;
      q.dead--;
    }
    const span = q.slots.length - q.head;
    if (span === 0) {
      q.slots = [];
      q.head = 0;
    } else if (q.dead >= COMPACT_MIN_DEAD && q.dead * 2 >= span) {
      q.slots = q.slots.slice(q.head).filter((s) => s.live);
      q.head = 0;
      q.dead = 0;
    } else if (q.head >= COMPACT_MIN_DEAD && q.head * 2 >= q.slots.length) {
      q.slots = q.slots.slice(q.head);
      q.head = 0;
    }
  };

  const forgetIfEmpty = (key: string, q: DeviceQueue): void => {
    if (q.byId.size === 0 && q.acked.size === 0) queues.delete(key);
  };

  const unexpiredCount = (q: DeviceQueue, now: number): number => {
    let n = 0;
    for (const s of q.byId.values()) if (s.expiresAt > now) n++;
    return n;
  };

  const unexpiredOf = (q: DeviceQueue, sender: string, now: number): number => {
    let n = 0;
    for (const s of q.byId.values()) if (s.sender === sender && s.expiresAt > now) n++;
    return n;
  };

  /** Throws when the fresh slots would give one sender more than `max` unexpired entries in `q`. */
  const checkSenderShare = (
    device: DeviceAddress,
    q: DeviceQueue,
    fresh: Map<string, Slot>,
    max: number,
    now: number,
  ) => {
    const adding = new Map<string, number>();
    for (const slot of fresh.values()) {
      if (slot.sender !== undefined) adding.set(slot.sender, (adding.get(slot.sender) ?? 0) + 1);
    }
    for (const [sender, n] of adding) {
      // Cheap bound first; count unexpired entries only when it says the share may be used up.
      if ((q.senders.get(sender) ?? 0) + n > max && unexpiredOf(q, sender, now) + n > max) {
        throw senderShareFull(device, sender, max);
      }
    }
  };

  /** One more reference to a shared payload, storing it on first use (a stored one keeps its bytes). */
  const refShared = (key: string, given: Map<string, Uint8Array>): Shared => {
    let shared = sharedPayloads.get(key);
    if (!shared) {
      shared = { key, data: new Uint8Array(given.get(key) as Uint8Array), refs: 0 };
      sharedPayloads.set(key, shared);
    }
    shared.refs++;
    return shared;
  };

  return {
    // enqueue runs synchronously inside its promise: resolutions follow seq order.
    commitOrdered: true,
    // ...and seqs are handed out inside that synchronous part: in call order.
    seqsInCallOrder: true,
    async enqueue(items: QueueItem[], enqueueOptions: EnqueueOptions = {}): Promise<EnqueueResult[]> {
      const now = enqueueOptions.now ?? clock();
      const sharedData = checkSharedKeys(items, enqueueOptions.shared, enqueueOptions.fanOut);
      const results: EnqueueResult[] = [];
      // Plan everything first and apply only if every device has room: atomic across devices.
      const planned = new Map<string, { device: DeviceAddress; q: DeviceQueue; fresh: Map<string, Slot> }>();
      let seq = lastSeq;
      for (const item of items) {
        const key = deviceKey(item.device);
        let plan = planned.get(key);
        if (!plan) {
          const device = { userId: item.device.userId, deviceId: item.device.deviceId };
          plan = { device, q: queues.get(key) ?? newQueue(), fresh: new Map() };
          planned.set(key, plan);
        }
        const { q, fresh } = plan;
        const device = { userId: item.device.userId, deviceId: item.device.deviceId };
        const stored = q.byId.get(item.id);
        const earlier =
          (stored && stored.expiresAt > now ? stored : undefined) ?? q.acked.get(item.id) ?? fresh.get(item.id);
        if (earlier) {
          results.push({ device, id: item.id, seq: earlier.seq, storedAt: earlier.storedAt, duplicate: true });
          continue;
        }
        const slot: Slot = {
          id: item.id,
          seq: ++seq,
          data: new Uint8Array(item.data), // a copy, even of a Buffer (whose slice() is a view)
          storedAt: now,
          expiresAt: now + ttlMs,
          live: true,
        };
        if (item.sender !== undefined) slot.sender = item.sender;
        if (item.shared !== undefined) {
          // Resolved (and counted) only once the call can no longer fail.
          slot.shared = { key: item.shared, data: EMPTY, refs: 0 };
        }
        fresh.set(item.id, slot);
        results.push({ device, id: item.id, seq: slot.seq, storedAt: now, duplicate: false });
      }
      const max = enqueueOptions.maxPerDevice;
      if (max !== undefined) {
        for (const { device, q, fresh } of planned.values()) {
          // Cheap bound first; count unexpired entries only when the bound says it may be full.
          if (fresh.size > 0 && q.byId.size + fresh.size > max && unexpiredCount(q, now) + fresh.size > max) {
            throw queueFull(device, max);
          }
        }
      }
      const maxPerSender = enqueueOptions.maxPerSender;
      if (maxPerSender !== undefined) {
        for (const { device, q, fresh } of planned.values()) checkSenderShare(device, q, fresh, maxPerSender, now);
      }
      for (const [key, { q, fresh }] of planned) {
        if (fresh.size === 0) continue;
        for (const slot of fresh.values()) {
          if (slot.shared) slot.shared = refShared(slot.shared.key, sharedData);
          const expired = q.byId.get(slot.id);
          if (expired) kill(q, expired);
          q.slots.push(slot);
          q.byId.set(slot.id, slot);
          if (slot.sender !== undefined) q.senders.set(slot.sender, (q.senders.get(slot.sender) ?? 0) + 1);
        }
        queues.set(key, q);
      }
      lastSeq = seq;
      return results;
    },

    async read(device, { afterSeq = 0, limit }): Promise<QueueEntry[]> {
      const q = queues.get(deviceKey(device));
      if (!q || limit <= 0) return [];
      const now = clock();
      const out: QueueEntry[] = [];
      // Binary search for the first slot after `afterSeq`.
      let lo = q.head;
      let hi = q.slots.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (q.slots[mid]!.seq <= afterSeq) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < q.slots.length && out.length < limit; i++) {
        const s = q.slots[i]!;
        if (!s.live || s.expiresAt <= now) continue;
        const entry: QueueEntry = { id: s.id, seq: s.seq, data: new Uint8Array(s.data), storedAt: s.storedAt };
        if (s.shared) entry.shared = new Uint8Array(s.shared.data);
        out.push(entry);
      }
      return out;
    },

    async ack(device, ids): Promise<number> {
      const q = queues.get(deviceKey(device));
      if (!q) return 0;
      const now = clock();
      let removed = 0;
      for (const id of ids) {
        const slot = q.byId.get(id);
        if (!slot) continue;
        kill(q, slot);
        q.acked.set(id, { seq: slot.seq, storedAt: slot.storedAt, ackedAt: now });
        removed++;
      }
      if (removed > 0) compact(q);
      return removed;
    },

    async count(device): Promise<number> {
      const q = queues.get(deviceKey(device));
      return q ? unexpiredCount(q, clock()) : 0;
    },

    async purgeExpired(): Promise<number> {
      const now = clock();
      let removed = 0;
      for (const [key, q] of queues) {
        for (const slot of q.byId.values()) {
          if (slot.expiresAt <= now) {
            kill(q, slot);
            removed++;
          }
        }
        compact(q);
        // Dedup marks live for one ttl after the ack: a resend later than that is stored again.
        for (const [id, mark] of q.acked) if (mark.ackedAt + ttlMs <= now) q.acked.delete(id);
        forgetIfEmpty(key, q);
      }
      return removed;
    },

    async clear(device): Promise<void> {
      const key = deviceKey(device);
      const q = queues.get(key);
      if (!q) return;
      for (const slot of q.byId.values()) kill(q, slot);
      q.slots = [];
      q.head = 0;
      q.dead = 0;
      q.byId.clear();
      q.senders.clear();
      forgetIfEmpty(key, q);
    },
  };
}
