import type { PeerAddress } from '../events.js';

// An outbox lane is the key the outbox orders by: one record per lane is in flight at a time, so
// everything in a lane reaches the server in the order it was queued. The encoded string is
// persisted in every record, so its format must stay readable by later versions.

/** Which lane a record travels in. */
export type Lane =
  /** A user's messages to a chat (a user or a group id): in order, one at a time. */
  | { kind: 'chat'; chatId: string }
  /** The read receipts of a chat, apart from its messages so a retrying message never holds them up. */
  | { kind: 'receipts'; chatId: string }
  /** Messages re-encrypted for one device that could not decrypt them. */
  | { kind: 'resend'; to: PeerAddress };

// User and group ids never hold control characters (the server refuses them), so a chat id never
// contains the separator and a lane with one is always a tagged kind.
const SEP = '\u001f';
const RECEIPTS = `receipts${SEP}`;
const RESEND = `resend${SEP}`;

/** The lane's string form (a chat lane is the chat id itself, as stored records have always had it). */
export function encodeLane(lane: Lane): string {
  switch (lane.kind) {
    case 'chat':
      return lane.chatId;
    case 'receipts':
      return `${RECEIPTS}${lane.chatId}`;
    case 'resend':
      return `${RESEND}${lane.to.userId}${SEP}${lane.to.deviceId}`;
  }
}

/** Reads an encoded lane back; undefined when the string is no lane `encodeLane` makes. */
export function parseLane(text: string): Lane | undefined {
  if (text.startsWith(RECEIPTS)) {
    const chatId = text.slice(RECEIPTS.length);
    return chatId && !chatId.includes(SEP) ? { kind: 'receipts', chatId } : undefined;
  }
  if (text.startsWith(RESEND)) {
    const parts = text.slice(RESEND.length).split(SEP);
    const [userId, device] = parts;
    const deviceId = Number(device);
    if (parts.length !== 2 || !userId || !/^\d+$/.test(device ?? '') || !Number.isSafeInteger(deviceId)) {
      return undefined;
    }
    return { kind: 'resend', to: { userId, deviceId } };
  }
  return text && !text.includes(SEP) ? { kind: 'chat', chatId: text } : undefined;
}
