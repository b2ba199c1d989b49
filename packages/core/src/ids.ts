import { uuidv7 } from 'uuidv7';

/** A new message id: a UUIDv7, so ids sort by creation time. */
export function newMessageId(): string {
  return uuidv7();
}

/** Milliseconds since the epoch encoded in a UUIDv7, or undefined for another format. */
export function messageIdTime(id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** Message ids are 1..64 printable ASCII characters without spaces. */
export function isValidMessageId(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > 64) return false;
  // A loop over char codes, not a regular expression: the gateway checks every send's id (issue 15).
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
