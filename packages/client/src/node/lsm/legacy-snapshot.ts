import { ParleyError } from '@parley/core';
import type { PayloadCodec } from '../at-rest-cipher.js';
import { readFrames } from '../frames.js';

/*
 * The whole-state snapshot of stores written before segments (`store.snapshot`): frames of
 * `{"e":[[ns, key, value], …]}` and a last frame `{"end":{"v":1,"seq":n,"count":c}}`. Read once,
 * when such a store is first opened, and rewritten as a segment.
 */

export const LEGACY_SNAPSHOT = 'store.snapshot';

/** Calls `load` with each entry's JSON text; returns the sequence number the snapshot contains. */
export function readLegacySnapshot(
  data: Buffer,
  codec: PayloadCodec,
  load: (ns: string, key: string, text: string) => void,
): number {
  const corrupt = () => new ParleyError('STORE_FAILED', 'client store snapshot is corrupt');
  const { payloads, end } = readFrames(data, codec);
  if (end !== data.length || payloads.length === 0) throw corrupt();
  let count = 0;
  for (const [i, payload] of payloads.entries()) {
    const parsed = JSON.parse(payload) as {
      e?: Array<[string, string, unknown]>;
      end?: { v: number; seq: number; count: number };
    };
    if (parsed.e && i < payloads.length - 1) {
      for (const [ns, key, value] of parsed.e) load(ns, key, JSON.stringify(value));
      count += parsed.e.length;
    } else if (parsed.end?.v === 1 && i === payloads.length - 1 && parsed.end.count === count) {
      return parsed.end.seq;
    } else {
      throw corrupt();
    }
  }
  throw corrupt();
}
