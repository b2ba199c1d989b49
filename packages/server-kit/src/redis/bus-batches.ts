// The redis bus sends the messages published on one channel within one tick as one Redis message:
// a batch frame, byte 0 then each message as (LEB128 length, bytes). A lone message goes as it is,
// unless it starts with byte 0 itself (then it goes as a batch of one), so a receiver tells the two
// apart by the first byte. Gateway notes (protobuf: no field 0) and the other payloads of the
// gateways never start with 0, so a gateway of an earlier version still reads every lone message.

/** The first byte of a batch frame. */
const BATCH = 0;

/** Largest batch frame built (more messages go in the next one); a lone larger message goes alone. */
export const MAX_BATCH_BYTES = 512 * 1024;

/** Encodes `messages` (one or more) as they travel: a lone message as is when it can, else a batch. */
export function encodeBatch(messages: Uint8Array[]): Uint8Array {
  const [only] = messages;
  if (messages.length === 1 && only && only[0] !== BATCH) return only;
  let size = 1;
  for (const m of messages) size += varintSize(m.byteLength) + m.byteLength;
  const out = new Uint8Array(size);
  out[0] = BATCH;
  let at = 1;
  for (const m of messages) {
    let n = m.byteLength;
    while (n >= 0x80) {
      out[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    out[at++] = n;
    out.set(m, at);
    at += m.byteLength;
  }
  return out;
}

/** The messages a received Redis message carries; undefined for a malformed batch. */
export function decodeBatch(data: Uint8Array): Uint8Array[] | undefined {
  if (data[0] !== BATCH) return [data];
  const out: Uint8Array[] = [];
  let at = 1;
  while (at < data.byteLength) {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = data[at++];
      if (byte === undefined || shift > 28) return undefined;
      n += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    if (at + n > data.byteLength) return undefined;
    out.push(data.subarray(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Splits the items of one channel and tick into groups whose batch frame stays within
 * MAX_BATCH_BYTES (a larger message alone), in publish order.
 */
export function batchesOf<T>(items: T[], bytesOf: (item: T) => Uint8Array): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 1;
  for (const item of items) {
    const length = bytesOf(item).byteLength;
    const add = varintSize(length) + length;
    if (current.length > 0 && size + add > MAX_BATCH_BYTES) {
      groups.push(current);
      current = [];
      size = 1;
    }
    current.push(item);
    size += add;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const varintSize = (n: number): number => {
  let size = 1;
  while (n >= 0x80) {
    n >>>= 7;
    size++;
  }
  return size;
};
