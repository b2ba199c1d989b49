// The one format of messages between gateways: parley.v1.GatewayNote (proto/parley/v1/cluster.proto).
// Decoding validates what this version reads and ignores what it does not know, so a gateway of a
// later version can run beside this one.
import { oneof, ParleyError, type parley, pb } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import type { QueueEntry } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';

/** Revision of cluster.proto this gateway speaks. */
export const GATEWAY_NOTE_VERSION = 1;

/** Largest note read (a heartbeat of many users is the largest); larger ones are refused. */
const MAX_NOTE_BYTES = 4 << 20;

/** A note as this gateway reads it: the sender and one known case, checked. */
export type GatewayNote = {
  from: string;
} /** `entries`: what the sender just committed for the device, in seq order (empty: read the queue). */ & (
  | { kind: 'nudge'; device: DeviceAddress; entries?: QueueEntry[] }
  | { kind: 'kick'; device: DeviceAddress; connectionId: string }
  | { kind: 'presenceOnline'; userId: string }
  | { kind: 'presenceOffline'; userId: string; lastSeen?: number }
  | { kind: 'presenceHeartbeat'; userIds: string[] }
  | { kind: 'presenceHello' }
  | { kind: 'typing'; userId: string; peerUserId: string; typing: boolean }
);

/** A note to send; the sender is added by {@link encodeGatewayNote}. */
export type GatewayNoteBody = GatewayNote extends infer N ? (N extends GatewayNote ? Omit<N, 'from'> : never) : never;

const address = (d: DeviceAddress) => ({ userId: d.userId, deviceId: d.deviceId });

/** Encodes a note from gateway `from`. */
export function encodeGatewayNote(from: string, note: GatewayNoteBody): Uint8Array {
  const base = { version: GATEWAY_NOTE_VERSION, gatewayId: from };
  switch (note.kind) {
    case 'nudge':
      return pb.GatewayNote.encode({
        ...base,
        nudge: {
          device: address(note.device),
          entries: (note.entries ?? []).map((e) => ({
            id: e.id,
            seq: e.seq,
            data: e.data,
            storedAt: e.storedAt,
            ...(e.shared ? { shared: e.shared } : {}),
          })),
        },
      }).finish();
    case 'kick':
      return pb.GatewayNote.encode({
        ...base,
        kick: { device: address(note.device), connectionId: note.connectionId },
      }).finish();
    case 'presenceOnline':
      return pb.GatewayNote.encode({ ...base, presenceOnline: { userId: note.userId } }).finish();
    case 'presenceOffline':
      return pb.GatewayNote.encode({
        ...base,
        presenceOffline: { userId: note.userId, ...(note.lastSeen !== undefined ? { lastSeen: note.lastSeen } : {}) },
      }).finish();
    case 'presenceHeartbeat':
      return pb.GatewayNote.encode({ ...base, presenceHeartbeat: { userIds: note.userIds } }).finish();
    case 'presenceHello':
      return pb.GatewayNote.encode({ ...base, presenceHello: {} }).finish();
    case 'typing':
      return pb.GatewayNote.encode({
        ...base,
        typing: { userId: note.userId, peerUserId: note.peerUserId, typing: note.typing },
      }).finish();
  }
}

const bad = (message: string) => new ParleyError('BAD_FRAME', `gateway note: ${message}`);

function device(a: parley.v1.Address.$Properties | null | undefined): DeviceAddress {
  const userId = a?.userId ?? '';
  const deviceId = a?.deviceId ?? 0;
  if (!userId || !Number.isInteger(deviceId) || deviceId <= 0)
    throw bad('a device address needs a user and a device id');
  return { userId, deviceId };
}

/**
 * The entries of a nudge, checked: ids, consecutive positive seqs, data. Undefined when there are
 * none or any is malformed: the note is then a plain nudge (the receiver reads the queue), never lost.
 */
function queuedEntries(list: parley.v1.QueuedEntry.$Properties[] | null | undefined): QueueEntry[] | undefined {
  if (!list || list.length === 0) return undefined;
  const out: QueueEntry[] = [];
  for (const e of list) {
    const seq = e.seq ?? 0;
    const previous = out[out.length - 1];
    const bad = !e.id || !Number.isSafeInteger(seq) || seq <= 0 || !e.data?.byteLength;
    if (bad || (previous && seq <= previous.seq)) return undefined;
    const entry: QueueEntry = { id: e.id as string, seq, data: view(e.data as Uint8Array), storedAt: e.storedAt ?? 0 };
    if (e.shared) entry.shared = view(e.shared);
    out.push(entry);
  }
  return out;
}

/** A plain Uint8Array over the same bytes (the decoder hands out Buffers in Node). */
const view = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function nonEmpty(value: string | null | undefined, what: string): string {
  if (!value) throw bad(`${what} is missing`);
  return value;
}

/**
 * Reads a note. Undefined for a well-formed note of a case this version does not know (from a later
 * gateway); throws ParleyError('BAD_FRAME') for bytes that are no note or a note missing what its
 * case needs.
 */
export function decodeGatewayNote(data: Uint8Array): GatewayNote | undefined {
  if (data.byteLength > MAX_NOTE_BYTES) throw bad(`larger than ${MAX_NOTE_BYTES} bytes`);
  let decoded: parley.v1.GatewayNote;
  try {
    decoded = pb.GatewayNote.decode(data);
  } catch (error) {
    throw new ParleyError('BAD_FRAME', 'gateway note: undecodable', { cause: error });
  }
  const from = nonEmpty(decoded.gatewayId, 'gateway_id');
  const note = oneof(decoded, 'note');
  switch (note.case) {
    case undefined:
      return undefined;
    case 'nudge': {
      const entries = queuedEntries(note.value.entries);
      return { from, kind: 'nudge', device: device(note.value.device), ...(entries ? { entries } : {}) };
    }
    case 'kick':
      return {
        from,
        kind: 'kick',
        device: device(note.value.device),
        connectionId: nonEmpty(note.value.connectionId, 'connection_id'),
      };
    case 'presenceOnline':
      return { from, kind: 'presenceOnline', userId: nonEmpty(note.value.userId, 'user_id') };
    case 'presenceOffline': {
      const { lastSeen } = note.value;
      return {
        from,
        kind: 'presenceOffline',
        userId: nonEmpty(note.value.userId, 'user_id'),
        ...(typeof lastSeen === 'number' ? { lastSeen } : {}),
      };
    }
    case 'presenceHeartbeat':
      return { from, kind: 'presenceHeartbeat', userIds: (note.value.userIds ?? []).filter((u) => u !== '') };
    case 'presenceHello':
      return { from, kind: 'presenceHello' };
    case 'typing':
      return {
        from,
        kind: 'typing',
        userId: nonEmpty(note.value.userId, 'user_id'),
        peerUserId: nonEmpty(note.value.peerUserId, 'peer_user_id'),
        typing: note.value.typing === true,
      };
  }
}

/**
 * A bus listener that decodes notes and hands the known ones on. A bad note is logged and dropped,
 * never thrown into the bus; a note of a case this version does not know is dropped quietly.
 */
export function gatewayNoteListener(logger: Logger, onNote: (note: GatewayNote) => void): (data: Uint8Array) => void {
  return (data) => {
    let note: GatewayNote | undefined;
    try {
      note = decodeGatewayNote(data);
    } catch (error) {
      logger.warn('bad gateway note dropped', { error: String(error), bytes: data.byteLength });
      return;
    }
    if (note) onNote(note);
  };
}
