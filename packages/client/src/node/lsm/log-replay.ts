import type { PayloadCodec } from '../at-rest-cipher.js';
import { readFrames } from '../frames.js';
import { TOMBSTONE } from './cell.js';

/**
 * Replays `store.log`: applies, in order, the writes of each record numbered just after the last
 * one applied (`seq`; records up to it are already in the segments, as after a crash between
 * installing a manifest and emptying the log), and stops at the first torn or damaged record or
 * gap in the numbering, after which nothing can be trusted. Returns the last sequence number applied
 * and where the valid records end (the caller cuts the log there).
 * @internal
 */
export function replayLog(
  data: Buffer,
  codec: PayloadCodec,
  seq: number,
  apply: (ns: string, key: string, cell: string | typeof TOMBSTONE) => void,
): { seq: number; end: number } {
  const { payloads, ends } = readFrames(data, codec);
  let end = 0;
  for (const [i, payload] of payloads.entries()) {
    let record: { s: number; w: Array<[string, string, unknown?]> };
    try {
      record = JSON.parse(payload);
    } catch {
      break;
    }
    if (record.s > seq + 1) break; // a gap
    if (record.s === seq + 1) {
      for (const [ns, key, ...value] of record.w) {
        apply(ns, key, value.length === 0 ? TOMBSTONE : JSON.stringify(value[0]));
      }
      seq = record.s;
    }
    end = ends[i]!;
  }
  return { seq, end };
}
