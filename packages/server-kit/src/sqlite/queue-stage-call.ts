import type { EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import { type Clock, deviceKey } from '../contracts/types.js';
import { type DeviceState, SEQ_BLOCK, type StateOf } from './queue-device-states.js';
import { type QueueStaging, type StagedEntry, stagedResult } from './queue-staging.js';

/** What an enqueue call asks, as both of its ways in (staged, or a job) read it. */
export interface CallLimits {
  max: number | undefined;
  maxPerSender: number | undefined;
  now: number | undefined;
  /** A fan-out call (EnqueueOptions.fanOut): deduplicated by its one shared key. */
  fanOut: boolean;
  /** EnqueueOptions.forgetAcked, or a fan-out: no mark lookup now (see mayBeMarked), no mark at the ack. */
  forget: 1 | null;
}

/** The payloads of a call without shared payloads: never written to. */
export const NO_PAYLOADS = new Map<string, Uint8Array>();

/** A staged call: its results, the entries it staged, and the commit of their batch. */
export interface StagedCall {
  results: EnqueueResult[];
  fresh: StagedEntry[];
  committed: Promise<void>;
}

/**
 * Stages a call's entries when memory alone can decide it (see `sqliteQueue`): checks every id
 * against the staged entries, the dedup marks and the table, hands out seqs and reserves seq
 * blocks. Undefined when the call must run as a job. Changes nothing unless it stages. Reads
 * `items` only here, synchronously, and stores `copyOf(item.data)`: the caller's buffers are never
 * kept.
 */
export type StageCall = (
  items: readonly QueueItem[],
  limits: CallLimits,
  payloads: Map<string, Uint8Array>,
  copyOf: (data: Uint8Array) => Uint8Array,
) => StagedCall | undefined;

/** A call's new entries for one device: how many, and (once it names the device twice) by id. */
interface DeviceCount {
  state: DeviceState;
  n: number;
  senders: boolean;
  /** The device's first new entry of the call. */
  first: StagedEntry;
  /** Made when the call names the device again: its new entries by id, so a repeated id is found. */
  planned: Map<string, StagedEntry> | undefined;
}

/** The entry this call already planned for the device with `id`, if any. */
function plannedFor(count: DeviceCount, id: string): StagedEntry | undefined {
  count.planned ??= new Map([[count.first.id, count.first]]);
  return count.planned.get(id);
}

/** The staging of enqueue calls into `staging`, with entries living `ttlMs`. */
export function stageCall(staging: QueueStaging, stateOf: StateOf, clock: Clock, ttlMs: number): StageCall {
  return (items, limits, payloads, copyOf) => {
    const now = limits.now ?? clock();
    // Sized once (an empty array's first push makes room for 16): a result per item, and at most
    // as many new entries, with their device keys.
    const results: EnqueueResult[] = new Array(items.length);
    const keys: string[] = new Array(items.length);
    const fresh: StagedEntry[] = new Array(items.length);
    let staged = 0;
    const added = new Map<string, DeviceCount>();
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as QueueItem;
      const { userId, deviceId } = item.device;
      const key = deviceKey(item.device);
      if (staging.mustWait(key)) return undefined;
      let count = added.get(key);
      // A call repeats one of its own ids only for a device it names twice (never in a fan-out).
      const earlier = staging.find(key, item.id) ?? (count ? plannedFor(count, item.id) : undefined);
      if (earlier) {
        const result = stagedResult(earlier, true);
        earlier.echoes.push(result); // corrected with it if it turns out to repeat a stored one
        results[i] = result;
        continue;
      }
      const state = count ? count.state : stateOf(key, userId, deviceId);
      const seq = state.nextSeq + (count ? count.n : 0);
      // One copy of the address for the result and the entry: a result is read, never changed.
      const device = { userId, deviceId };
      const result: EnqueueResult = { device, id: item.id, seq, storedAt: now, duplicate: false };
      const entry: StagedEntry = {
        device,
        id: item.id,
        seq,
        data: copyOf(item.data),
        storedAt: now,
        expiresAt: now + ttlMs,
        shared: item.shared,
        sender: item.sender ?? null,
        fanOut: limits.fanOut,
        forget: limits.forget === 1,
        ackedAt: undefined,
        held: false,
        reserveTo: undefined,
        echoes: [result],
      };
      if (!count) {
        count = { state, n: 0, senders: false, first: entry, planned: undefined };
        added.set(key, count);
      } else count.planned?.set(entry.id, entry);
      count.n++;
      if (item.sender !== undefined) count.senders = true;
      keys[staged] = key;
      fresh[staged] = entry;
      staged++;
      results[i] = result;
    }
    keys.length = staged;
    fresh.length = staged;
    for (const { state, n, senders } of added.values()) {
      // Near a limit the exact count needs the table (expired rows, one sender's rows): a job decides.
      if (limits.max !== undefined && state.size + n > limits.max) return undefined;
      if (senders && limits.maxPerSender !== undefined && state.size + n > limits.maxPerSender) return undefined;
    }
    for (let i = 0; i < fresh.length; i++) {
      const entry = fresh[i] as StagedEntry;
      const state = (added.get(keys[i] as string) as { state: DeviceState }).state;
      if (entry.seq >= state.reserved) {
        entry.reserveTo = entry.seq + SEQ_BLOCK;
        state.reserved = entry.reserveTo;
      }
    }
    for (const { state, n } of added.values()) {
      state.nextSeq += n;
      state.size += n;
    }
    // The payloads the staged entries reference (all of the call's, unless some were duplicates).
    const used = payloads.size === 0 ? NO_PAYLOADS : new Map<string, Uint8Array>();
    if (used !== NO_PAYLOADS)
      for (const entry of fresh)
        if (entry.shared !== undefined) used.set(entry.shared, payloads.get(entry.shared) as Uint8Array);
    const fanOutAt = limits.fanOut ? now : undefined;
    return { results, fresh, committed: staging.stage(keys, fresh, used, fanOutAt) };
  };
}
