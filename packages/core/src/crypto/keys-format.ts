// Serialized key forms shared by keys, sessions and safety numbers. Internal to crypto/.

/** Signal's type byte for Curve25519 public keys: a serialized key is 0x05 || 32 bytes. */
export const DJB_TYPE = 0x05;
export const PUBLIC_KEY_LENGTH = 33;
export const PRIVATE_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

export function isPublicKey(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength === PUBLIC_KEY_LENGTH && value[0] === DJB_TYPE;
}

export function isPrivateKey(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength === PRIVATE_KEY_LENGTH;
}

export function isSignature(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength === SIGNATURE_LENGTH;
}

export function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}
