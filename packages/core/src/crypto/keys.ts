// A device's Signal key material: identity, registration id, signed prekey, one-time and
// last-resort prekeys, in shapes that map field for field onto the protobuf messages
// parley.v1.PreKey / SignedPreKey / KeysUpload / PreKeyBundle.
import { ParleyError } from '../errors.js';
import type { parley } from '../gen/parley.js';
import { copyBytes, fromArrayBuffer, toArrayBuffer } from './buffers.js';
import { isPrivateKey, isPublicKey, isSignature, isUint32 } from './keys-format.js';
import { loadLibrary, verifyXEdDSA } from './library.js';
import type { KeyPair, LocalIdentity, PreKeyRecord, SignedPreKeyRecord } from './signal-store.js';

/** The public half of a prekey; the shape of proto `parley.v1.PreKey`. */
export interface PublicPreKey {
  readonly keyId: number;
  /** 33 bytes: 0x05 || X25519 public key. */
  readonly publicKey: Uint8Array;
}

/** The public half of a signed prekey; the shape of proto `parley.v1.SignedPreKey`. */
export interface SignedPublicPreKey extends PublicPreKey {
  /** XEdDSA signature (64 bytes) by the identity key over `publicKey`. */
  readonly signature: Uint8Array;
}

/** What an initiator needs to start a session; the shape of proto `parley.v1.PreKeyBundle`. */
export interface PreKeyBundle {
  readonly registrationId: number;
  /** 33 bytes: 0x05 || X25519 identity public key. */
  readonly identityKey: Uint8Array;
  readonly signedPrekey: SignedPublicPreKey;
  /** A one-time prekey, or the last-resort prekey when none is left. */
  readonly prekey?: PublicPreKey | null | undefined;
}

/** A device's published keys; the shape of proto `parley.v1.KeysUpload`. */
export interface KeysUpload {
  readonly registrationId: number;
  readonly identityKey: Uint8Array;
  readonly signedPrekey: SignedPublicPreKey;
  readonly oneTimePrekeys: PublicPreKey[];
  readonly lastResortPrekey: PublicPreKey;
}

/** Prekey ids are 24-bit like Signal's, never 0 (0 means "no prekey" on the wire). */
export const MAX_PREKEY_ID = 0xffffff;

function assertPreKeyId(keyId: number, what: string): void {
  if (!Number.isInteger(keyId) || keyId < 1 || keyId > MAX_PREKEY_ID) {
    throw new ParleyError('INVALID_ARGUMENT', `${what} must be an integer in 1..${MAX_PREKEY_ID}`);
  }
}

const keyPairOf = (k: { pubKey: ArrayBuffer; privKey: ArrayBuffer }): KeyPair => ({
  publicKey: fromArrayBuffer(k.pubKey),
  privateKey: fromArrayBuffer(k.privKey),
});

/** A random registration id in 1..16383 (14 bits, never 0), as Signal picks them. */
export function generateRegistrationId(): number {
  const buf = new Uint16Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const id = (buf[0] ?? 0) & 0x3fff;
    if (id !== 0) return id;
  }
}

/** A new device identity: identity key pair and registration id. Store it with `storeLocalIdentity`. */
export async function generateDeviceKeys(): Promise<LocalIdentity> {
  const { lib } = await loadLibrary();
  const identityKeyPair = keyPairOf(await lib.KeyHelper.generateIdentityKeyPair());
  return { identityKeyPair, registrationId: generateRegistrationId() };
}

/** A signed prekey: a new key pair whose public key the identity key signs (XEdDSA). Rotate weekly. */
export async function generateSignedPreKey(
  identityKeyPair: KeyPair,
  keyId: number,
  createdAt: number = Date.now(),
): Promise<SignedPreKeyRecord> {
  if (!isPublicKey(identityKeyPair.publicKey) || !isPrivateKey(identityKeyPair.privateKey)) {
    throw new ParleyError('INVALID_ARGUMENT', 'identity key pair must be a 33-byte public and a 32-byte private key');
  }
  if (!isUint32(keyId)) throw new ParleyError('INVALID_ARGUMENT', 'signed prekey id must be a uint32');
  const { lib } = await loadLibrary();
  const signed = await lib.KeyHelper.generateSignedPreKey(
    { pubKey: toArrayBuffer(identityKeyPair.publicKey), privKey: toArrayBuffer(identityKeyPair.privateKey) },
    keyId,
  );
  return { keyId, keyPair: keyPairOf(signed.keyPair), signature: fromArrayBuffer(signed.signature), createdAt };
}

/**
 * `count` one-time prekeys with ids `startId`, `startId + 1`, ... wrapping from {@link MAX_PREKEY_ID}
 * back to 1. Store them, then upload their public halves (at most 100 per request).
 */
export async function generatePreKeys(startId: number, count: number): Promise<PreKeyRecord[]> {
  assertPreKeyId(startId, 'startId');
  if (!Number.isInteger(count) || count < 0 || count > 10_000) {
    throw new ParleyError('INVALID_ARGUMENT', 'count must be an integer in 0..10000');
  }
  const { lib } = await loadLibrary();
  const out: PreKeyRecord[] = [];
  for (let i = 0; i < count; i++) {
    const keyId = ((startId - 1 + i) % MAX_PREKEY_ID) + 1;
    const generated = await lib.KeyHelper.generatePreKey(keyId);
    out.push({ keyId, keyPair: keyPairOf(generated.keyPair), lastResort: false });
  }
  return out;
}

/** The last-resort prekey: handed out when one-time prekeys run out, never removed when used. */
export async function generateLastResortPreKey(keyId: number): Promise<PreKeyRecord> {
  assertPreKeyId(keyId, 'keyId');
  const { lib } = await loadLibrary();
  const generated = await lib.KeyHelper.generatePreKey(keyId);
  return { keyId, keyPair: keyPairOf(generated.keyPair), lastResort: true };
}

/** The public half of a prekey record, for upload. */
export function toPublicPreKey(record: PreKeyRecord): PublicPreKey {
  return { keyId: record.keyId, publicKey: copyBytes(record.keyPair.publicKey) };
}

/** The public half of a signed prekey record, for upload. */
export function toSignedPublicPreKey(record: SignedPreKeyRecord): SignedPublicPreKey {
  return {
    keyId: record.keyId,
    publicKey: copyBytes(record.keyPair.publicKey),
    signature: copyBytes(record.signature),
  };
}

/** The `KeysUpload` message body for a device's keys (at most 100 one-time prekeys per request). */
export function keysUpload(keys: {
  identity: LocalIdentity;
  signedPreKey: SignedPreKeyRecord;
  preKeys: readonly PreKeyRecord[];
  lastResortPreKey: PreKeyRecord;
}): KeysUpload {
  if (keys.preKeys.length > 100) throw new ParleyError('INVALID_ARGUMENT', 'at most 100 one-time prekeys per upload');
  return {
    registrationId: keys.identity.registrationId,
    identityKey: copyBytes(keys.identity.identityKeyPair.publicKey),
    signedPrekey: toSignedPublicPreKey(keys.signedPreKey),
    oneTimePrekeys: keys.preKeys.map(toPublicPreKey),
    lastResortPrekey: toPublicPreKey(keys.lastResortPreKey),
  };
}

/** Whether `signedPreKey.signature` is the identity key's valid XEdDSA signature over its public key. */
export async function verifySignedPreKey(identityKey: Uint8Array, signedPreKey: SignedPublicPreKey): Promise<boolean> {
  if (!isPublicKey(signedPreKey.publicKey)) return false;
  return verifyXEdDSA(identityKey, signedPreKey.publicKey, signedPreKey.signature);
}

/**
 * A {@link PreKeyBundle} from a decoded proto `parley.v1.PreKeyBundle` (as the server sends it in
 * `KeysBundles`), with every field checked. Rejects with `INVALID_ARGUMENT` when one is missing or
 * malformed.
 */
export function preKeyBundleFromProto(message: parley.v1.PreKeyBundle.$Properties): PreKeyBundle {
  const { registrationId, identityKey, signedPrekey: spk, prekey } = message;
  if (
    !isUint32(registrationId) ||
    !isPublicKey(identityKey) ||
    !isUint32(spk?.keyId) ||
    !isPublicKey(spk.publicKey) ||
    !isSignature(spk.signature) ||
    (prekey && (!isUint32(prekey.keyId) || !isPublicKey(prekey.publicKey)))
  ) {
    throw new ParleyError('INVALID_ARGUMENT', 'malformed PreKeyBundle');
  }
  return {
    registrationId,
    identityKey: copyBytes(identityKey),
    signedPrekey: { keyId: spk.keyId, publicKey: copyBytes(spk.publicKey), signature: copyBytes(spk.signature) },
    ...(prekey
      ? { prekey: { keyId: prekey.keyId as number, publicKey: copyBytes(prekey.publicKey as Uint8Array) } }
      : {}),
  };
}
