// JSON for store values on the test channel between Node and the page. Every array, object and
// Uint8Array becomes a tagged object, so no stored value can pass for an encoded one.

type Wire =
  | null
  | boolean
  | number
  | string
  | { t: 'a'; v: Wire[] }
  | { t: 'o'; v: Record<string, Wire> }
  | { t: 'u8'; v: string }
  | { t: 'u' };

export function encodeWire(value: unknown): Wire {
  if (value === undefined) return { t: 'u' };
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Uint8Array) return { t: 'u8', v: btoa(String.fromCharCode(...value)) };
  if (Array.isArray(value)) return { t: 'a', v: value.map(encodeWire) };
  const out: Record<string, Wire> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = encodeWire(item);
  return { t: 'o', v: out };
}

export function decodeWire(wire: unknown): unknown {
  if (wire === null || typeof wire !== 'object') return wire;
  const { t, v } = wire as { t: string; v: unknown };
  if (t === 'u') return undefined;
  if (t === 'u8') return Uint8Array.from(atob(v as string), (c) => c.charCodeAt(0));
  if (t === 'a') return (v as unknown[]).map(decodeWire);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
    // defineProperty: a '__proto__' key stays an own property instead of setting the prototype.
    Object.defineProperty(out, key, { value: decodeWire(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
