// The one encoding of a group record that signatures and hashes cover. protobufjs keeps unknown
// fields and writes fields a caller set explicitly to defaults, so a record is rebuilt from its
// known, non-default fields before it is encoded: every party then gets the same bytes from the
// same record, whatever encoder produced the bytes it received.

import { sha256 } from '../crypto/sha256.js';
import { ParleyError } from '../errors.js';
import { parley } from '../gen/parley.js';

const pb = parley.v1;

/** A group record as the generated code takes it (a decoded record or a plain object). */
export type GroupRecordInit = parley.v1.GroupRecord.$Properties;

/** The actions of the `action` oneof, in field-number order. */
export const GROUP_ACTIONS = [
  'create',
  'rename',
  'add',
  'remove',
  'promote',
  'demote',
  'leave',
  'describe',
  'disappearing',
] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

/** The action a record carries; INVALID_ARGUMENT unless exactly one is set. */
export function groupRecordAction(record: GroupRecordInit): GroupAction {
  const set = GROUP_ACTIONS.filter((a) => record[a] !== undefined && record[a] !== null);
  if (set.length !== 1) throw new ParleyError('INVALID_ARGUMENT', 'a group record carries exactly one action');
  return set[0] as GroupAction;
}

const text = (s: string | null | undefined): string | undefined => (s ? s : undefined);
const list = (l: readonly string[] | null | undefined): string[] | undefined => (l?.length ? [...l] : undefined);
// new Uint8Array(b) copies; slice() would not for a Node Buffer (what protobufjs decodes bytes into).
const bytes = (b: Uint8Array | null | undefined): Uint8Array | undefined => (b?.length ? new Uint8Array(b) : undefined);
const uint = (n: number | null | undefined): number | undefined => (n ? n : undefined);

/** Drops undefined properties: the generated encoder writes every own property that is not null. */
function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  for (const key of Object.keys(o) as Array<keyof T>) if (o[key] === undefined) delete o[key];
  return o as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function canonicalAction(record: GroupRecordInit, action: GroupAction): GroupRecordInit {
  switch (action) {
    case 'create': {
      const c: parley.v1.GroupCreate.$Properties = record.create ?? {};
      const members = (c.members ?? []).map((m) => defined({ userId: text(m.userId), role: uint(m.role) }));
      return {
        create: defined({
          name: text(c.name),
          description: text(c.description),
          members: members.length ? members : undefined,
        }),
      };
    }
    case 'rename':
      return { rename: defined({ name: text(record.rename?.name) }) };
    case 'describe':
      return { describe: defined({ description: text(record.describe?.description) }) };
    case 'leave':
      return { leave: defined({ promote: list(record.leave?.promote) }) };
    case 'disappearing':
      return { disappearing: defined({ seconds: uint(record.disappearing?.seconds) }) };
    case 'add':
    case 'remove':
    case 'promote':
    case 'demote':
      return { [action]: defined({ userIds: list(record[action]?.userIds) }) } as GroupRecordInit;
  }
}

/**
 * The canonical form of a record: only fields of this schema, defaults omitted, exactly one action,
 * bytes copied. `withSignature: false` leaves the signature out (the form that is signed).
 */
export function canonicalGroupRecord(record: GroupRecordInit, withSignature = true): GroupRecordInit {
  const action = groupRecordAction(record);
  const actor = record.actor
    ? defined({ userId: text(record.actor.userId), deviceId: uint(record.actor.deviceId) })
    : undefined;
  return defined({
    groupId: text(record.groupId),
    version: uint(record.version),
    prevHash: bytes(record.prevHash),
    actor,
    at: uint(record.at),
    ...canonicalAction(record, action),
    actorIdentityKey: bytes(record.actorIdentityKey),
    signature: withSignature ? bytes(record.signature) : undefined,
  });
}

/**
 * The record's canonical encoding: proto3 binary with fields in ascending field-number order,
 * default values and unknown fields left out (nested messages likewise), the set oneof member
 * always written. This is what the server stores and serves, and what {@link groupRecordHash} hashes.
 */
export function encodeGroupRecord(record: GroupRecordInit): Uint8Array {
  return pb.GroupRecord.encode(canonicalGroupRecord(record)).finish();
}

/** The bytes a record's signature covers: its canonical encoding with `signature` left out. */
export function encodeRecordForSigning(record: GroupRecordInit): Uint8Array {
  return pb.GroupRecord.encode(canonicalGroupRecord(record, false)).finish();
}

/** Decodes an encoded record; INVALID_ARGUMENT when the bytes are not one. */
export function decodeGroupRecord(encoded: Uint8Array): parley.v1.GroupRecord {
  try {
    return pb.GroupRecord.decode(encoded);
  } catch (cause) {
    throw new ParleyError('INVALID_ARGUMENT', 'not an encoded group record', { cause });
  }
}

/**
 * SHA-256 of a record's full canonical encoding ({@link encodeGroupRecord}, signature included):
 * the `prev_hash` the next version carries.
 */
export function groupRecordHash(encodedRecord: Uint8Array): Uint8Array {
  return sha256(encodedRecord);
}
