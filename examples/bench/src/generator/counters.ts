// The counters of the load-generator threads, in one SharedArrayBuffer: a row per thread, written
// only by that thread and read (summed) by the main thread at any moment, synchronously, as it did
// with the in-process pool's counters (phase snapshots, the drain loop).
import type { TargetCounters } from '../load.js';
import type { TrackerCounts } from '../tracker.js';

/** The fields of a row: the pool's counters, the tracker's counts, and the thread's own health. */
export const COUNTER_FIELDS = [
  'sent',
  'acked',
  'errors',
  'disconnects',
  'refused',
  'receipts',
  'receiptsInAck',
  'received',
  'duplicates',
  'refusedSeqs',
  'windowReceived',
  'windowRefused',
  /** Worst delay (ms) of a measured window's batch of sends, written, behind its tick's scheduled time. */
  'maxLagMs',
  /** Batches of sends handled. */
  'batches',
] as const;

export type CounterField = (typeof COUNTER_FIELDS)[number];

/** One thread's counters: what its pool and its tracker write, and its lag. */
export type CounterRow = Record<CounterField, number> & Required<TargetCounters> & TrackerCounts;

const WIDTH = COUNTER_FIELDS.length;

/** A SharedArrayBuffer with `rows` zeroed rows (one per generator thread). */
export function counterBuffer(rows: number): SharedArrayBuffer {
  return new SharedArrayBuffer(rows * WIDTH * Float64Array.BYTES_PER_ELEMENT);
}

/**
 * Row `row` of `buffer` as an object of number properties. Each property reads and writes its
 * float64 slot; one thread writes a row, so `++` needs no atomics, and an aligned float64 store
 * is not torn on the platforms the bench runs on (x64, arm64).
 */
export function counterRow(buffer: SharedArrayBuffer, row: number): CounterRow {
  const slots = new Float64Array(buffer, row * WIDTH * Float64Array.BYTES_PER_ELEMENT, WIDTH);
  const out = {} as CounterRow;
  COUNTER_FIELDS.forEach((field, i) => {
    Object.defineProperty(out, field, {
      enumerable: true,
      get: () => slots[i] as number,
      set: (v: number) => {
        slots[i] = v;
      },
    });
  });
  return out;
}

/** The rows in `buffer`. */
export function rowCount(buffer: SharedArrayBuffer): number {
  return buffer.byteLength / (WIDTH * Float64Array.BYTES_PER_ELEMENT);
}

/** A copy of row `row` of `buffer`, read now. */
export function readRow(buffer: SharedArrayBuffer, row: number): Record<CounterField, number> {
  const slots = new Float64Array(buffer, row * WIDTH * Float64Array.BYTES_PER_ELEMENT, WIDTH);
  return Object.fromEntries(COUNTER_FIELDS.map((f, i) => [f, slots[i] as number])) as Record<CounterField, number>;
}

/** Every row of `buffer` summed field by field, except `maxLagMs`, which is the rows' maximum. */
export function sumRows(buffer: SharedArrayBuffer): Record<CounterField, number> {
  const out = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Record<CounterField, number>;
  for (let row = 0; row < rowCount(buffer); row++) {
    const r = readRow(buffer, row);
    for (const field of COUNTER_FIELDS) {
      out[field] = field === 'maxLagMs' ? Math.max(out[field], r[field]) : out[field] + r[field];
    }
  }
  return out;
}
