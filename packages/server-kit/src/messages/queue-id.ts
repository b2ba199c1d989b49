// Queue ids are also the queue's dedup keys and the ids clients acknowledge, and queues persist
// across upgrades: the encoded strings below must never change. Parts are joined by U+001F, which
// none of them can contain (user ids exclude control characters; message and group ids are
// printable ASCII). Only 1:1 message ids start with a user id; every other kind starts with U+001F.
import type { DeviceAddress } from '../contracts/types.js';

/** Status a receipt or group aggregate reports. */
export type ReceiptKind = 'delivered' | 'read';

/** What a queue entry is, as its id says. */
export type QueueId =
  /** A 1:1 message: scoped by sender device, so two senders never collide on a message id. */
  | { kind: 'direct'; sender: DeviceAddress; messageId: string; attempt: number; noReceipts: boolean }
  /** A group message's reference, one per member device; names the group so an ack moves the member's cursor. */
  | { kind: 'group'; groupId: string; sender: DeviceAddress; messageId: string }
  /** A signed group record fanned out to members: storing the fan-out twice is deduplicated. */
  | { kind: 'groupRecord'; groupId: string; version: number }
  /**
   * A DELIVERED or READ receipt for a batch of message ids (named by first, last and count, so a
   * repeated receipt is deduplicated); `groupId` only on a group READ receipt for the reader's own devices.
   */
  | { kind: 'receipt'; by: string; status: ReceiptKind; first: string; last: string; count: number; groupId?: string }
  /** "Delivered to all" / "read by all" up to a message, for the sending device of a group. */
  | { kind: 'groupAggregate'; groupId: string; senderDeviceId: number; status: ReceiptKind; upTo: string };

const SEP = '\u001f';
const RECEIPT_LETTER = { delivered: 'd', read: 'r' } as const satisfies Record<ReceiptKind, string>;
/** The aggregate's marker where a receipt has its reader's user id (see the note on {@link parseQueueId}). */
const AGGREGATE = 'ga';

/** The queue id of an entry. */
export function encodeQueueId(id: QueueId): string {
  switch (id.kind) {
    case 'direct': {
      const base = [id.sender.userId, id.sender.deviceId, id.messageId].join(SEP);
      const withAttempt = id.attempt > 0 ? `${base}${SEP}${id.attempt}` : base;
      return id.noReceipts ? `${withAttempt}${SEP}-` : withAttempt;
    }
    case 'group':
      return ['', 'g', id.groupId, id.sender.userId, id.sender.deviceId, id.messageId].join(SEP);
    case 'groupRecord':
      return ['', 'gr', id.groupId, id.version].join(SEP);
    case 'receipt': {
      const base = ['', 'r', id.by, RECEIPT_LETTER[id.status], id.first, id.last, id.count].join(SEP);
      return id.groupId === undefined ? base : `${base}${SEP}${id.groupId}`;
    }
    case 'groupAggregate':
      return ['', 'r', AGGREGATE, id.groupId, id.senderDeviceId, id.status, id.upTo].join(SEP);
  }
}

/** A receipt's id for a batch of message ids (first, last and count of `ids`, which is not empty). */
export function receiptQueueId(by: string, status: ReceiptKind, ids: readonly string[], groupId?: string): string {
  const [first = '', last = first] = [ids[0], ids[ids.length - 1]];
  return encodeQueueId({
    kind: 'receipt',
    by,
    status,
    first,
    last,
    count: ids.length,
    ...(groupId === undefined ? {} : { groupId }),
  });
}

/** A decimal integer exactly as `String(n)` writes it; undefined otherwise. */
function integer(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && String(n) === text ? n : undefined;
}

const receiptKind = (text: string | undefined): ReceiptKind | undefined =>
  text === 'd' ? 'delivered' : text === 'r' ? 'read' : undefined;

/**
 * What a queue id is; undefined for a string no encoder writes.
 *
 * Today's format has one ambiguity, kept because stored ids must not change: a receipt by the user
 * `ga` whose first id is an integer and whose last id is `delivered` or `read` reads exactly like a
 * group aggregate. Such a string is read as the aggregate. Only acknowledgements are parsed, and only
 * `direct` and `group` ids act on them, so the two never meet in practice.
 */
export function parseQueueId(id: string): QueueId | undefined {
  const parts = id.split(SEP);
  if (!id.startsWith(SEP)) return parseDirect(parts);
  const [, tag, ...rest] = parts;
  switch (tag) {
    case 'g':
      return parseGroup(rest);
    case 'gr': {
      const [groupId, version] = rest;
      const v = integer(version);
      return rest.length === 2 && groupId && v !== undefined ? { kind: 'groupRecord', groupId, version: v } : undefined;
    }
    case 'r':
      return (rest[0] === AGGREGATE ? parseAggregate(rest) : undefined) ?? parseReceipt(rest);
    default:
      return undefined;
  }
}

/** What an acknowledgement acts on: 1:1 messages (their senders get receipts) and group messages (cursors). */
export type AckedId = Extract<QueueId, { kind: 'direct' | 'group' }>;

/** Every group message id starts with this; no other kind does. */
const GROUP_PREFIX = `${SEP}g${SEP}`;

/**
 * {@link parseQueueId} for acknowledged ids: a `direct` or `group` id as it would read it, undefined
 * for every other kind, which is not taken apart (half of all acks are of receipts).
 */
export function parseAckedId(id: string): AckedId | undefined {
  if (id.startsWith(SEP)) return id.startsWith(GROUP_PREFIX) ? parseGroupAcked(id) : undefined;
  const parsed = parseQueueId(id);
  return parsed?.kind === 'direct' ? parsed : undefined;
}

// The last group id read and what it read as: every member's ack of one group message names the same
// id, so a fan-out to N devices splits it once instead of N times. Frozen: all its readers share it.
let lastGroupId: string | undefined;
let lastGroup: AckedId | undefined;

function parseGroupAcked(id: string): AckedId | undefined {
  if (id === lastGroupId) return lastGroup;
  const parsed = parseQueueId(id);
  if (parsed?.kind !== 'group') return undefined;
  Object.freeze(parsed.sender);
  lastGroupId = id;
  lastGroup = Object.freeze(parsed);
  return parsed;
}

function parseDirect(parts: string[]): QueueId | undefined {
  // Read by index: every ack parses its ids, and a rest element or slice would be an array each.
  const n = parts.length;
  if (n < 3 || n > 5) return undefined;
  const [userId, device, messageId] = parts;
  const deviceId = integer(device);
  if (!userId || deviceId === undefined || !messageId) return undefined;
  const noReceipts = n > 3 && parts[n - 1] === '-';
  const attemptParts = n - 3 - (noReceipts ? 1 : 0);
  if (attemptParts > 1) return undefined;
  const attempt = attemptParts === 0 ? 0 : integer(parts[3]);
  if (attempt === undefined || (attemptParts === 1 && attempt <= 0)) return undefined;
  return { kind: 'direct', sender: { userId, deviceId }, messageId, attempt, noReceipts };
}

function parseGroup(rest: string[]): QueueId | undefined {
  const [groupId, userId, device, messageId] = rest;
  const deviceId = integer(device);
  if (rest.length !== 4 || !groupId || !userId || deviceId === undefined || !messageId) return undefined;
  return { kind: 'group', groupId, sender: { userId, deviceId }, messageId };
}

function parseReceipt(rest: string[]): QueueId | undefined {
  if (rest.length !== 5 && rest.length !== 6) return undefined;
  const [by, letter, first, last, countText, groupId] = rest;
  const status = receiptKind(letter);
  const count = integer(countText);
  if (!by || !status || first === undefined || last === undefined || count === undefined) return undefined;
  const receipt = { kind: 'receipt' as const, by, status, first, last, count };
  if (rest.length === 5) return receipt;
  return groupId ? { ...receipt, groupId } : undefined;
}

function parseAggregate(rest: string[]): QueueId | undefined {
  const [, groupId, device, status, upTo] = rest;
  const senderDeviceId = integer(device);
  if (rest.length !== 5 || !groupId || senderDeviceId === undefined || !upTo) return undefined;
  if (status !== 'delivered' && status !== 'read') return undefined;
  return { kind: 'groupAggregate', groupId, senderDeviceId, status, upTo };
}
