import { invalidValue, isPlainObject } from '../stores/memory-store.js';

/*
 * How the file store serializes a value: JSON, with two tags so binary data round-trips.
 *
 *   Uint8Array              -> {"$bytes": "<standard base64>"}
 *   an object whose ONLY key is "$bytes" or "$obj"
 *                           -> {"$obj": {...that object, its values encoded...}}
 *
 * A decoder treats an object as a tag only when it has exactly one key, so ordinary objects that
 * merely contain a "$bytes" key among others need no escaping. JSON was chosen over a binary format
 * because the log stays inspectable with standard tools and JSON.parse is native-speed; base64 costs
 * a third more space for bytes, which client state (keys, sessions, small blobs) can afford.
 */

const BYTES = '$bytes';
const OBJ = '$obj';

/** Validates `value` and serializes it (see the format above). Throws INVALID_ARGUMENT. */
export function encodeValue(value: unknown): string {
  return JSON.stringify(toJson(value));
}

/** Parses what {@link encodeValue} produced into a fresh value. */
export function decodeValue(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  // Fast path: without a `"$` sequence in the text there is no tag to revive.
  return text.includes('"$') ? fromJson(parsed) : parsed;
}

/** Same as {@link decodeValue}, for a value already parsed as part of a larger JSON document. */
export function reviveValue(parsed: unknown): unknown {
  return fromJson(parsed);
}

function toJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw invalidValue('a non-finite number');
  }
  if (value instanceof Uint8Array) {
    return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (item === undefined) throw invalidValue('undefined in an array');
      return toJson(item);
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    let count = 0;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      setOwn(out, key, toJson(item));
      count++;
    }
    const onlyKey = count === 1 ? Object.keys(out)[0] : undefined;
    return onlyKey === BYTES || onlyKey === OBJ ? { [OBJ]: out } : out;
  }
  throw invalidValue(
    value === undefined ? 'undefined' : `a ${typeof value === 'object' ? 'non-plain object' : typeof value}`,
  );
}

function fromJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(fromJson);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const tagged = obj[BYTES];
    if (typeof tagged === 'string') return new Uint8Array(Buffer.from(tagged, 'base64'));
    const escaped = obj[OBJ];
    if (typeof escaped === 'object' && escaped !== null) return fromEntries(escaped as Record<string, unknown>);
  }
  return fromEntries(obj);
}

function fromEntries(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) setOwn(out, key, fromJson(obj[key]));
  return out;
}

/** Assignment to `__proto__` would set the prototype instead of an own property. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
