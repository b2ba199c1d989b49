// A look at an encoded ClientFrame's top-level fields without decoding the body: enough to refuse a
// request by its request id while overloaded, at a fraction of the cost of a full decode.

/** The request id and body field number of an encoded ClientFrame. */
export interface FramePeek {
  requestId: number;
  /** Field number of the body (ClientFrame's oneof), 0 when there is none. */
  body: number;
}

const REQUEST_ID_FIELD = 1;

/** Reads the top-level fields of `bytes`; undefined when they do not parse (the full decoder reports it). */
export function peekClientFrame(bytes: Uint8Array): FramePeek | undefined {
  let pos = 0;
  let requestId = 0;
  let body = 0;
  const varint = (): number | undefined => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8 && pos < bytes.length; i++) {
      const b = bytes[pos++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    return undefined; // longer than 56 bits, or cut off: not something worth a fast refusal
  };
  while (pos < bytes.length) {
    const tag = varint();
    if (tag === undefined) return undefined;
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const value = varint();
      if (value === undefined) return undefined;
      if (field === REQUEST_ID_FIELD) requestId = value;
    } else if (wire === 2) {
      const length = varint();
      if (length === undefined || pos + length > bytes.length) return undefined;
      pos += length;
      if (field !== REQUEST_ID_FIELD) body = field;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else return undefined;
  }
  return pos === bytes.length ? { requestId, body } : undefined;
}
