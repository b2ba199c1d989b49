// Array parameters in PostgreSQL's binary format. The driver sends a JS array as a text literal:
// every element escaped with two regular expressions and every bytea hex-encoded (twice its size
// on the wire), which PostgreSQL then parses back (array_in, byteain). A batch statement passes
// each message's payload in a bytea[], so that was the gateway's largest per-message cost in the
// pg driver (ARCHITECTURE 15). A Buffer parameter goes in binary format as it is, so an array
// encoded here costs one copy of its elements, on both sides.

/** The element types of the array casts the statements use (`$n::text[]`, ...), by cast name. */
const ELEMENTS = {
  text: { oid: 25 },
  bigint: { oid: 20 },
  int: { oid: 23 },
  bytea: { oid: 17 },
  boolean: { oid: 16 },
} as const;

export type ArrayElement = keyof typeof ELEMENTS;

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;
const TWO_32 = 2 ** 32;

/**
 * For each parameter of `text` ($1 at index 0), the element type of its array cast, when every
 * occurrence of the parameter is cast to that same array type; undefined otherwise (the value then
 * goes as the driver sends it).
 */
export function arrayParams(text: string): ReadonlyArray<ArrayElement | undefined> {
  const casts = new Map<number, ArrayElement | null>();
  for (const m of text.matchAll(/\$(\d+)(?:::(\w+)\[\])?/g)) {
    const index = Number(m[1]) - 1;
    const cast = m[2];
    const element = cast !== undefined && Object.hasOwn(ELEMENTS, cast) ? (cast as ArrayElement) : null;
    const seen = casts.get(index);
    casts.set(index, seen === undefined || seen === element ? element : null);
  }
  const out: Array<ArrayElement | undefined> = [];
  for (const [index, element] of casts) out[index] = element ?? undefined;
  return out;
}

/** The size in bytes of one element, or -1 when the value does not have the element's type. */
function elementSize(element: ArrayElement, value: unknown): number {
  switch (element) {
    case 'text':
      return typeof value === 'string' ? Buffer.byteLength(value) : -1;
    case 'bytea':
      return value instanceof Uint8Array ? value.length : -1;
    case 'boolean':
      return typeof value === 'boolean' ? 1 : -1;
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT4_MIN && (value as number) <= INT4_MAX ? 4 : -1;
    case 'bigint':
      return Number.isSafeInteger(value) ? 8 : -1;
  }
}

/** Writes one element (checked by {@link elementSize}, `size` bytes) at `at`; returns the offset after it. */
function writeElement(out: Buffer, at: number, element: ArrayElement, value: unknown, size: number): number {
  switch (element) {
    case 'text':
      return at + out.write(value as string, at, size);
    case 'bytea':
      out.set(value as Uint8Array, at);
      return at + size;
    case 'boolean':
      return out.writeUInt8(value ? 1 : 0, at);
    case 'int':
      return out.writeInt32BE(value as number, at);
    case 'bigint': {
      const n = value as number;
      // Two's complement in two halves: the high word is the floor of n / 2^32, the low one n mod 2^32.
      at = out.writeInt32BE(Math.floor(n / TWO_32), at);
      return out.writeUInt32BE(n >>> 0, at);
    }
  }
}

/**
 * `values` as a one-dimensional array of `element` in PostgreSQL's binary format (array_recv: number
 * of dimensions, has-nulls flag, element type oid, then length and lower bound of the dimension,
 * then each element as its length, -1 for NULL, and its bytes), or undefined when an element is
 * not of that type (a nested array, a number for text, ...): the caller then sends `values` as before.
 */
export function binaryArray(element: ArrayElement, values: readonly unknown[]): Buffer | undefined {
  const sizes = new Array<number>(values.length);
  let total = values.length === 0 ? 12 : 20;
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const size = value === null || value === undefined ? -1 : elementSize(element, value);
    if (size === -1 && value !== null && value !== undefined) return undefined;
    if (size === -1) nulls = 1;
    sizes[i] = size;
    total += 4 + Math.max(size, 0);
  }
  const out = Buffer.allocUnsafe(total);
  let at = out.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  at = out.writeInt32BE(nulls, at);
  at = out.writeInt32BE(ELEMENTS[element].oid, at);
  if (values.length > 0) {
    at = out.writeInt32BE(values.length, at);
    at = out.writeInt32BE(1, at);
  }
  for (let i = 0; i < values.length; i++) {
    const size = sizes[i] as number;
    at = out.writeInt32BE(size, at);
    if (size >= 0) at = writeElement(out, at, element, values[i], size);
  }
  return out;
}

/** `values` with every array parameter `arrays` types encoded by {@link binaryArray} (a copy; the input is kept). */
export function withBinaryArrays(values: unknown[], arrays: ReadonlyArray<ArrayElement | undefined>): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const element = arrays[i];
    const value = values[i];
    if (element === undefined || !Array.isArray(value)) continue;
    const encoded = binaryArray(element, value);
    if (encoded === undefined) continue;
    out ??= values.slice();
    out[i] = encoded;
  }
  return out ?? values;
}
