import { concatBytes, uint32be, uint64be, utf8 } from './bytes.js';

// Device authentication keys: Ed25519 through WebCrypto (Node 20 and current browsers).
// Separate from the Signal identity key so authentication never touches the E2EE library.

const ALG = { name: 'Ed25519' } as const;

export interface AuthKeyPair {
  /** 32 raw bytes. */
  publicKey: Uint8Array;
  /** PKCS#8 encoding, for storage. */
  privateKey: Uint8Array;
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export async function generateAuthKeyPair(): Promise<AuthKeyPair> {
  const pair = (await subtle().generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const privateKey = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  return { publicKey, privateKey };
}

/** What a login signature is for, so it can never be replayed as a signature for anything else. */
export const AUTH_PURPOSE_LOGIN = 'device-login';

/**
 * The origin a client signs into its login: the host of the URL it connects to, exactly as the
 * WHATWG URL parser writes `url.host` (lower case, port only when it is not the scheme's default).
 * Binding the signature to it stops a server the client was pointed at from relaying another
 * server's nonce and logging in there as this device.
 */
export function serverOrigin(url: string): string {
  return new URL(url).host;
}

/** The bytes a device signs to answer a Challenge (see docs/PROTOCOL.md section 5.1). */
export function authChallengePayload(nonce: Uint8Array, userId: string, deviceId: number, origin: string): Uint8Array {
  return concatBytes(
    utf8('parley-auth-v2'),
    new Uint8Array([0]),
    utf8(AUTH_PURPOSE_LOGIN),
    new Uint8Array([0]),
    utf8(origin),
    new Uint8Array([0]),
    nonce,
    utf8(userId),
    new Uint8Array([0]),
    uint32be(deviceId),
  );
}

/** The bytes an existing device signs to approve a new one (DeviceLink). */
export function deviceLinkPayload(
  userId: string,
  newDeviceId: number,
  newAuthKey: Uint8Array,
  expiresAt: number,
): Uint8Array {
  return concatBytes(
    utf8('parley-link-v1'),
    new Uint8Array([0]),
    utf8(userId),
    new Uint8Array([0]),
    uint32be(newDeviceId),
    newAuthKey,
    uint64be(expiresAt),
  );
}

export async function signWithAuthKey(privateKey: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await subtle().importKey('pkcs8', copy(privateKey), ALG, false, ['sign']);
  return new Uint8Array(await subtle().sign(ALG, key, copy(data)));
}

/** Verifies an Ed25519 signature; false (never a throw) for malformed keys or signatures. */
export async function verifyWithAuthKey(
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.byteLength !== 32 || signature.byteLength !== 64) return false;
  try {
    const key = await subtle().importKey('raw', copy(publicKey), ALG, false, ['verify']);
    return await subtle().verify(ALG, key, copy(signature), copy(data));
  } catch {
    return false;
  }
}
