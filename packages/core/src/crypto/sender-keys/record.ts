// A sender key record: what one device knows of one sender's key for one distribution. Plain data
// (objects, numbers, null and Uint8Array leaves), so any client store can persist it as it is.
// Records are never changed in place: every operation returns a new record.
import { bytesEqual } from '../../bytes.js';
import { copyBytes } from '../buffers.js';
import { isPrivateKey, isPublicKey, isUint32 } from '../keys-format.js';
import { SENDER_KEY_MAX_SKIPPED_KEYS, SENDER_KEY_MAX_STATES } from './limits.js';

/** Bytes per skipped message key in {@link SenderKeyState.skippedKeys}: uint32 iteration, 32-byte seed. */
export const SKIPPED_KEY_BYTES = 36;

/**
 * One sender chain. The sender's own state has its signing private key; a member's copy has only
 * the public key.
 */
export interface SenderKeyState {
  /** Random 31-bit id of the chain, named in every message. */
  readonly chainId: number;
  /** The iteration of `chainKey`: the next message's iteration (uint32). */
  readonly iteration: number;
  /** 32 bytes. */
  readonly chainKey: Uint8Array;
  /** The iteration at which this device was given the chain; earlier messages were never readable here. */
  readonly firstIteration: number;
  /** 33 bytes: 0x05 || X25519 public key, checks every message's XEdDSA signature. */
  readonly signingKey: Uint8Array;
  /** 32 bytes in the sender's own state, `null` in a member's copy. */
  readonly signingPrivateKey: Uint8Array | null;
  /**
   * Message keys skipped over for late messages, oldest first, at most 2,000: 36 bytes each, the
   * iteration (uint32 big-endian) and the message key seed. One byte string rather than 2,000 small
   * objects, so stores persist it cheaply.
   */
  readonly skippedKeys: Uint8Array;
}

/**
 * What a {@link SenderKeyStore} keeps per sender and distribution: up to 5 chains, newest first. At
 * most about 360 KB (5 chains with 2,000 skipped keys each); a few hundred bytes in the usual case.
 */
export interface SenderKeyRecord {
  /** The format of this value. */
  readonly version: 1;
  readonly states: readonly SenderKeyState[];
}

function isState(value: unknown): value is SenderKeyState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    isUint32(s.chainId) &&
    isUint32(s.iteration) &&
    isUint32(s.firstIteration) &&
    s.firstIteration <= s.iteration &&
    s.chainKey instanceof Uint8Array &&
    s.chainKey.byteLength === 32 &&
    isPublicKey(s.signingKey) &&
    (s.signingPrivateKey === null || isPrivateKey(s.signingPrivateKey)) &&
    s.skippedKeys instanceof Uint8Array &&
    s.skippedKeys.byteLength % SKIPPED_KEY_BYTES === 0 &&
    s.skippedKeys.byteLength <= SENDER_KEY_MAX_SKIPPED_KEYS * SKIPPED_KEY_BYTES
  );
}

/** The record, or `undefined` when the value is not one this code wrote (treated as no record). */
export function readRecord(value: unknown): SenderKeyRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (r.version !== 1 || !Array.isArray(r.states) || r.states.length > SENDER_KEY_MAX_STATES) return undefined;
  return r.states.every(isState) ? (value as SenderKeyRecord) : undefined;
}

export const emptyRecord = (): SenderKeyRecord => ({ version: 1, states: [] });

/** The state of a chain, by id. */
export function stateForChain(record: SenderKeyRecord, chainId: number): SenderKeyState | undefined {
  return record.states.find((s) => s.chainId === chainId);
}

/** The record with `state` in place of the state of the same chain. */
export function replaceState(record: SenderKeyRecord, state: SenderKeyState): SenderKeyRecord {
  return { version: 1, states: record.states.map((s) => (s.chainId === state.chainId ? state : s)) };
}

/**
 * Adds a chain as the newest state, as the official library does: a chain already known with the
 * same id and signing key is kept as it is (so a repeated distribution message cannot rewind it and
 * replay messages) and moves to the front; a chain with the same id but another key is dropped; the
 * oldest states go beyond the limit.
 */
export function addState(record: SenderKeyRecord, state: SenderKeyState): SenderKeyRecord {
  const existing = record.states.find((s) => s.chainId === state.chainId && bytesEqual(s.signingKey, state.signingKey));
  const others = record.states.filter((s) => s.chainId !== state.chainId);
  return { version: 1, states: [existing ?? state, ...others].slice(0, SENDER_KEY_MAX_STATES) };
}

/** The seed of a skipped key and the list without it, or `undefined` when it is not there. */
export function takeSkippedKey(
  skippedKeys: Uint8Array,
  iteration: number,
): { seed: Uint8Array; rest: Uint8Array<ArrayBuffer> } | undefined {
  const view = new DataView(skippedKeys.buffer, skippedKeys.byteOffset, skippedKeys.byteLength);
  for (let offset = 0; offset < skippedKeys.byteLength; offset += SKIPPED_KEY_BYTES) {
    if (view.getUint32(offset) !== iteration) continue;
    const seed = copyBytes(skippedKeys.subarray(offset + 4, offset + SKIPPED_KEY_BYTES));
    const rest = new Uint8Array(skippedKeys.byteLength - SKIPPED_KEY_BYTES);
    rest.set(skippedKeys.subarray(0, offset));
    rest.set(skippedKeys.subarray(offset + SKIPPED_KEY_BYTES), offset);
    return { seed, rest };
  }
  return undefined;
}

/** `skippedKeys` followed by `added` (36-byte entries), keeping only the newest 2,000. */
export function appendSkippedKeys(skippedKeys: Uint8Array, added: Uint8Array): Uint8Array<ArrayBuffer> {
  const limit = SENDER_KEY_MAX_SKIPPED_KEYS * SKIPPED_KEY_BYTES;
  const total = skippedKeys.byteLength + added.byteLength;
  const out = new Uint8Array(Math.min(total, limit));
  const drop = total - out.byteLength;
  if (drop < skippedKeys.byteLength) {
    out.set(skippedKeys.subarray(drop));
    out.set(added, skippedKeys.byteLength - drop);
  } else {
    out.set(added.subarray(drop - skippedKeys.byteLength));
  }
  return out;
}
