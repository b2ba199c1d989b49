// Reads back an array parameter as a test sees it in a query's values: the statements send their
// array parameters in PostgreSQL's binary format (src/postgres/pg-binary-arrays.ts).

/** `value` as a JS array: as it is when it is one, decoded when it is a binary one-dimensional array. */
export function arrayValue(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const dims = view.getInt32(0);
  const oid = view.getInt32(8);
  if (dims === 0) return [];
  const length = view.getInt32(12);
  const out: unknown[] = [];
  let at = 20;
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(at);
    at += 4;
    if (size === -1) {
      out.push(null);
      continue;
    }
    const bytes = value.subarray(at, at + size);
    if (oid === 25) out.push(new TextDecoder().decode(bytes));
    else if (oid === 20) out.push(Number(view.getBigInt64(at)));
    else if (oid === 23) out.push(view.getInt32(at));
    else if (oid === 16) out.push(bytes[0] === 1);
    else out.push(new Uint8Array(bytes));
    at += size;
  }
  return out;
}
