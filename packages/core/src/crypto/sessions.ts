// Pairwise Signal sessions (X3DH + Double Ratchet, message version 3) behind Parley's interface.
import { isParleyError, ParleyError } from '../errors.js';
import { throwAwayName, withAddressLock } from './address-lock.js';
import { fromArrayBuffer, fromBinaryString, toArrayBuffer } from './buffers.js';
import type { PreKeyBundle } from './keys.js';
import { isPublicKey, isSignature, isUint32 } from './keys-format.js';
import { type Library, loadLibrary } from './library.js';
import type { SignalMessageType } from './message-type.js';
import { type IdentityChange, Operation } from './operation.js';
import { onlySession, promote, sessionsToTry } from './session-switch.js';
import type { SignalAddress, SignalStore } from './signal-store.js';

/** An encrypted message for one device. */
export interface EncryptedMessage {
  /** `'prekey'` until the peer has answered, then `'whisper'` (see {@link toPayloadType}). */
  readonly type: SignalMessageType;
  readonly body: Uint8Array;
  /** The registration id of the recipient device as this session knows it (`DeviceCopy.registration_id`). */
  readonly registrationId: number;
}

/** What {@link startSession} reports. */
export interface StartSessionResult {
  /** Set when the bundle's identity key replaced a different one stored for the address. */
  readonly identityChange: IdentityChange | null;
}

/** A decrypted message, and whether it came with a changed identity key. */
export interface DecryptResult {
  readonly plaintext: Uint8Array;
  /** Set when the message came with an identity key that replaced a different one for the address. */
  readonly identityChange: IdentityChange | null;
}

/**
 * Why a message could not be decrypted, in `ParleyError.details.reason` of a `DECRYPTION_FAILED`:
 * - `no-session`: no session (or an unreadable record, or one refused as oversized, then with
 *   `details.oversized` true) for a whisper message: ask for a retry.
 * - `duplicate`: the message was already decrypted (a replay or a redelivery): drop it, no retry.
 * - `unsupported-version`: not a Signal version-3 message.
 * - `invalid-message`: anything else (bad MAC, malformed, unknown prekey): ask for a retry.
 */
export type DecryptFailureReason = 'no-session' | 'duplicate' | 'unsupported-version' | 'invalid-message';

const CIPHERTEXT_MESSAGE_VERSION = 3;

export function assertAddress(address: SignalAddress): void {
  if (typeof address?.userId !== 'string' || address.userId.length === 0 || !isUint32(address.deviceId)) {
    throw new ParleyError('INVALID_ARGUMENT', 'address must have a non-empty userId and a uint32 deviceId');
  }
}

function assertBundle(bundle: PreKeyBundle): void {
  const { signedPrekey: spk, prekey } = bundle ?? {};
  const ok =
    isUint32(bundle?.registrationId) &&
    isPublicKey(bundle.identityKey) &&
    isUint32(spk?.keyId) &&
    isPublicKey(spk.publicKey) &&
    isSignature(spk.signature) &&
    (prekey === undefined ||
      prekey === null ||
      (isUint32(prekey.keyId) && prekey.keyId > 0 && isPublicKey(prekey.publicKey)));
  if (!ok) throw new ParleyError('INVALID_ARGUMENT', 'malformed prekey bundle');
}

function libraryAddress(lib: Library, address: SignalAddress) {
  return new lib.SignalProtocolAddress(throwAwayName(), address.deviceId);
}

const describe = (address: SignalAddress) => `${address.userId}.${address.deviceId}`;

/** A store failure wins over whatever the library made of it: the input was not at fault. */
function storeFailure(op: Operation): ParleyError | undefined {
  if (op.storeError === undefined) return undefined;
  if (isParleyError(op.storeError)) return op.storeError;
  return new ParleyError('STORE_FAILED', 'the SignalStore failed', { cause: op.storeError });
}

async function commit(op: Operation): Promise<IdentityChange | null> {
  try {
    return await op.commit();
  } catch (error) {
    throw storeFailure(op) ?? ParleyError.from(error, 'STORE_FAILED');
  }
}

/**
 * Starts a session with a device from its prekey bundle (X3DH, as the initiator). Verifies the
 * signed prekey's signature (`BAD_SIGNATURE` when it is wrong). An existing session with the address
 * is archived, so late messages on it still decrypt. Identity policy: trust on first use; a changed
 * identity key is accepted and reported in the result.
 */
export async function startSession(
  store: SignalStore,
  address: SignalAddress,
  bundle: PreKeyBundle,
): Promise<StartSessionResult> {
  assertAddress(address);
  assertBundle(bundle);
  const { lib } = await loadLibrary();
  return withAddressLock(store, address, async () => {
    const op = new Operation(store, address);
    try {
      await op.localIdentity();
      const builder = new lib.SessionBuilder(op.storage(), libraryAddress(lib, address));
      await builder.processPreKey({
        registrationId: bundle.registrationId,
        identityKey: toArrayBuffer(bundle.identityKey),
        signedPreKey: {
          keyId: bundle.signedPrekey.keyId,
          publicKey: toArrayBuffer(bundle.signedPrekey.publicKey),
          signature: toArrayBuffer(bundle.signedPrekey.signature),
        },
        ...(bundle.prekey
          ? { preKey: { keyId: bundle.prekey.keyId, publicKey: toArrayBuffer(bundle.prekey.publicKey) } }
          : {}),
      });
    } catch (error) {
      const failure = storeFailure(op);
      if (failure) throw failure;
      if (isParleyError(error)) throw error;
      if (error instanceof Error && error.message === 'Invalid signature') {
        throw new ParleyError('BAD_SIGNATURE', `the signed prekey of ${describe(address)} has a bad signature`);
      }
      throw new ParleyError('INVALID_ARGUMENT', `unusable prekey bundle for ${describe(address)}`, { cause: error });
    }
    return { identityChange: await commit(op) };
  });
}

/**
 * Encrypts `plaintext` (pad it first, see {@link padContent}) for the device. Rejects with
 * `NOT_FOUND` when there is no session: start one from a bundle.
 */
export async function encrypt(
  store: SignalStore,
  address: SignalAddress,
  plaintext: Uint8Array,
): Promise<EncryptedMessage> {
  assertAddress(address);
  if (!(plaintext instanceof Uint8Array)) throw new ParleyError('INVALID_ARGUMENT', 'plaintext must be a Uint8Array');
  const { lib } = await loadLibrary();
  return withAddressLock(store, address, async () => {
    const op = new Operation(store, address);
    let message: Awaited<ReturnType<InstanceType<Library['SessionCipher']>['encrypt']>>;
    try {
      await op.localIdentity();
      if ((await op.loadSession()) === undefined) throw noSession(op, address);
      const cipher = new lib.SessionCipher(op.storage(), libraryAddress(lib, address));
      message = await cipher.encrypt(toArrayBuffer(plaintext));
    } catch (error) {
      throw storeFailure(op) ?? (isParleyError(error) ? error : encryptFailure(op, address, error));
    }
    await commit(op);
    if (message.body === undefined) throw new ParleyError('INTERNAL', 'the Signal library returned no ciphertext');
    return {
      type: message.type === 3 ? 'prekey' : 'whisper',
      body: fromBinaryString(message.body),
      registrationId: message.registrationId ?? 0,
    };
  });
}

function noSession(op: Operation, address: SignalAddress): ParleyError {
  if (op.sessionOversized) {
    return new ParleyError('NOT_FOUND', `the session record of ${describe(address)} is oversized and was refused`, {
      details: { reason: 'no-session', oversized: true },
    });
  }
  return new ParleyError('NOT_FOUND', `no session with ${describe(address)}`, { details: { reason: 'no-session' } });
}

function encryptFailure(op: Operation, address: SignalAddress, error: unknown): ParleyError {
  if (op.sessionMissing) return noSession(op, address);
  // An archived-only record (no open session) also lands here.
  if (error instanceof Error && /No session|No record/.test(error.message)) {
    return new ParleyError('NOT_FOUND', `no open session with ${describe(address)}`, {
      cause: error,
      details: { reason: 'no-session' },
    });
  }
  return new ParleyError('INTERNAL', `could not encrypt for ${describe(address)}`, { cause: error });
}

function decryptionFailed(
  address: SignalAddress,
  reason: DecryptFailureReason,
  cause?: unknown,
  oversized = false,
): ParleyError {
  const why = oversized ? 'its session record is oversized and was refused' : reason;
  return new ParleyError('DECRYPTION_FAILED', `cannot decrypt a message from ${describe(address)} (${why})`, {
    cause,
    details: oversized ? { reason, oversized: true } : { reason },
  });
}

/**
 * Decrypts a message from the device. Anything undecryptable rejects with `DECRYPTION_FAILED`
 * (`details.reason` says why, see {@link DecryptFailureReason}) and leaves the store untouched, so a
 * replayed or forged message cannot damage the session. Store failures reject with `STORE_FAILED`.
 * A prekey message from a device with a new identity key is accepted and the change reported.
 */
export async function decrypt(
  store: SignalStore,
  address: SignalAddress,
  type: SignalMessageType,
  body: Uint8Array,
): Promise<DecryptResult> {
  assertAddress(address);
  if (type !== 'prekey' && type !== 'whisper') {
    throw new ParleyError('INVALID_ARGUMENT', "type must be 'prekey' or 'whisper'");
  }
  if (!(body instanceof Uint8Array) || body.byteLength === 0) throw decryptionFailed(address, 'invalid-message');
  if ((body[0] ?? 0) >> 4 !== CIPHERTEXT_MESSAGE_VERSION) throw decryptionFailed(address, 'unsupported-version');
  const { lib } = await loadLibrary();
  return withAddressLock(store, address, async () => {
    const op = new Operation(store, address);
    let plaintext: ArrayBuffer;
    try {
      await op.localIdentity();
      const cipher = new lib.SessionCipher(op.storage(), libraryAddress(lib, address));
      plaintext =
        type === 'prekey'
          ? await cipher.decryptPreKeyWhisperMessage(toArrayBuffer(body), 'binary')
          : await decryptOnAnySession(lib, op, address, body);
    } catch (error) {
      const failure = storeFailure(op);
      if (failure) throw failure;
      if (isParleyError(error) && error.code !== 'DECRYPTION_FAILED') throw error;
      const reason = failureReason(op, type, error);
      throw decryptionFailed(address, reason, error, reason === 'no-session' && op.sessionOversized);
    }
    const identityChange = await commit(op);
    return { plaintext: fromArrayBuffer(plaintext), identityChange };
  });
}

/**
 * Decrypts a whisper message on whichever session with the device it belongs to (see
 * session-switch.ts): each attempt on a copy holding one session, so a failed one changes nothing,
 * and the session that worked becomes the open one (the one the peer last used).
 */
async function decryptOnAnySession(
  lib: Library,
  op: Operation,
  address: SignalAddress,
  body: Uint8Array,
): Promise<ArrayBuffer> {
  const storage = op.storage();
  const serialized = await op.loadSession();
  if (serialized === undefined) {
    // No record: the library reports it as it always has (a no-session failure).
    return new lib.SessionCipher(storage, libraryAddress(lib, address)).decryptWhisperMessage(
      toArrayBuffer(body),
      'binary',
    );
  }
  let firstError: unknown;
  for (const key of sessionsToTry(serialized)) {
    let saved: string | undefined;
    const attempt = {
      ...storage,
      loadSession: async () => onlySession(serialized, key),
      storeSession: async (_address: string, record: string) => {
        saved = record;
      },
    };
    try {
      const plaintext = await new lib.SessionCipher(attempt, libraryAddress(lib, address)).decryptWhisperMessage(
        toArrayBuffer(body),
        'binary',
      );
      if (saved === undefined) throw new ParleyError('INTERNAL', 'the Signal library saved no session');
      await storage.storeSession(address.userId, promote(serialized, key, saved, Date.now()));
      return plaintext;
    } catch (error) {
      if (error instanceof Error && error.name === 'MessageCounterError') throw error; // a replay: no other session has it
      if (op.storeError !== undefined || isParleyError(error)) throw error;
      if (firstError === undefined) firstError = error;
    }
  }
  throw firstError;
}

function failureReason(op: Operation, type: SignalMessageType, error: unknown): DecryptFailureReason {
  if (error instanceof Error && error.name === 'MessageCounterError') return 'duplicate';
  // A record without any session makes the library reject with `undefined`.
  if (type === 'whisper' && (op.sessionMissing || error === undefined)) return 'no-session';
  return 'invalid-message';
}

/** Whether there is an open session with the device (one `encrypt` can use). */
export async function hasSession(store: SignalStore, address: SignalAddress): Promise<boolean> {
  assertAddress(address);
  const { lib } = await loadLibrary();
  return withAddressLock(store, address, async () => {
    const op = new Operation(store, address);
    try {
      if ((await op.loadSession()) === undefined) return false;
      return await new lib.SessionCipher(op.storage(), libraryAddress(lib, address)).hasOpenSession();
    } catch (error) {
      throw storeFailure(op) ?? new ParleyError('INTERNAL', 'could not read the session record', { cause: error });
    }
  });
}

/** Deletes every session (open and archived) with the device; the next message needs a new session. */
export async function deleteSession(store: SignalStore, address: SignalAddress): Promise<void> {
  assertAddress(address);
  await withAddressLock(store, address, async () => {
    try {
      await store.removeSession(address);
    } catch (error) {
      throw isParleyError(error) ? error : new ParleyError('STORE_FAILED', 'the SignalStore failed', { cause: error });
    }
  });
}
