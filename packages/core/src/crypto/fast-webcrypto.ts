// The WebCrypto-like object handed to the Signal library's `setWebCrypto` hook. The library calls
// `subtle.importKey('raw', key, HMAC/SHA-256)` + `subtle.sign('HMAC', ...)` for every chain-key
// step, every HKDF block and every message MAC: a steady message makes seven of them, each an
// asynchronous WebCrypto round trip costing far more than hashing a few dozen bytes. Those run here
// on the synchronous SHA-256 of sha256.ts and come back as already-resolved promises, and so does
// the one AES-256-CBC encryption or decryption per message (aes.ts). Everything else (X25519,
// SHA-512 digests, random bytes, extractable keys) goes to the platform's WebCrypto unchanged.
// Internal to crypto/.
import { aesCbcDecrypt, aesCbcEncrypt, isAesKeyLength } from './aes.js';
import { type HmacSha256State, hmacSha256Prepare, hmacSha256Prepared } from './sha256.js';

/**
 * The subset of `Crypto` the library uses. An object of this shape is what `setWebCrypto` takes
 * (the library types it as the DOM `Crypto`).
 */
export interface WebCryptoLike {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}

type KeyData = BufferSource | JsonWebKey;

/**
 * An HMAC-SHA256 key imported through the fast path: holds the key, prepared (its inner and outer
 * pad states), for the caller that imported it, the way a CryptoKey would, and is usable only by
 * this module's `sign` / `verify`. Nothing is cached: the key lives as long as the caller keeps
 * this object.
 */
class HmacSha256Key {
  readonly type = 'secret';
  readonly extractable = false;
  readonly algorithm: { name: 'HMAC'; hash: { name: 'SHA-256' }; length: number };
  readonly usages: KeyUsage[];
  readonly state: HmacSha256State;

  constructor(bytes: Uint8Array, usages: readonly KeyUsage[]) {
    this.algorithm = { name: 'HMAC', hash: { name: 'SHA-256' }, length: bytes.byteLength * 8 };
    this.usages = [...usages];
    this.state = hmacSha256Prepare(bytes);
  }
}

/** A raw AES-CBC key imported through the fast path, usable only by this module's encrypt/decrypt. */
class AesCbcKey {
  readonly type = 'secret';
  readonly extractable = false;
  readonly algorithm: { name: 'AES-CBC'; length: number };
  readonly usages: KeyUsage[];
  /** A private copy of the key bytes (a plain array: no buffer to allocate per message key). */
  readonly bytes: number[];

  constructor(bytes: Uint8Array, usages: readonly KeyUsage[]) {
    this.algorithm = { name: 'AES-CBC', length: bytes.byteLength * 8 };
    this.usages = [...usages];
    this.bytes = Array.from(bytes);
  }
}

function algorithmName(algorithm: unknown): string | undefined {
  if (typeof algorithm === 'string') return algorithm.toUpperCase();
  if (typeof algorithm === 'object' && algorithm !== null) {
    const name = (algorithm as { name?: unknown }).name;
    if (typeof name === 'string') return name.toUpperCase();
  }
  return undefined;
}

/** Whether an importKey algorithm is exactly HMAC with SHA-256 and the key's full length. */
function isHmacSha256(algorithm: unknown): boolean {
  if (algorithmName(algorithm) !== 'HMAC') return false;
  const { hash, length } = algorithm as { hash?: unknown; length?: unknown };
  return algorithmName(hash) === 'SHA-256' && length === undefined;
}

/** A read-only view of a BufferSource's bytes (no copy); undefined for anything else. */
function viewOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

const invalidAccess = (message: string) => new DOMException(message, 'InvalidAccessError');
const operationError = (message: string) => new DOMException(message, 'OperationError');

/** AES-CBC encryption or decryption with a fast-path key, as WebCrypto would answer it. */
function aesCbc(
  direction: 'encrypt' | 'decrypt',
  algorithm: unknown,
  key: AesCbcKey,
  data: unknown,
): Promise<ArrayBuffer> {
  try {
    if (algorithmName(algorithm) !== 'AES-CBC' || !key.usages.includes(direction)) {
      throw invalidAccess('key cannot be used with this algorithm or usage');
    }
    const iv = viewOf((algorithm as { iv?: unknown }).iv);
    const input = viewOf(data);
    if (!iv || !input) throw new TypeError('iv and data must be BufferSources');
    if (iv.byteLength !== 16) throw operationError('AES-CBC iv must be 16 bytes');
    if (direction === 'encrypt') return Promise.resolve(aesCbcEncrypt(key.bytes, iv, input).buffer);
    try {
      return Promise.resolve(aesCbcDecrypt(key.bytes, iv, input).buffer);
    } catch {
      throw operationError('The operation failed for an operation-specific reason');
    }
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * `platform` with HMAC-SHA256 (import/sign/verify) and AES-CBC (import/encrypt/decrypt) of
 * non-extractable raw keys answered synchronously in JavaScript; every other call is passed to
 * `platform.subtle` as is.
 */
export function fastWebCrypto(platform: WebCryptoLike): WebCryptoLike {
  const base = platform.subtle;
  const subtle: Record<string, unknown> = {};
  // Everything but HMAC goes to the platform, bound to it (its methods check their receiver).
  for (const name of [
    'digest',
    'deriveBits',
    'deriveKey',
    'exportKey',
    'generateKey',
    'wrapKey',
    'unwrapKey',
  ] as const) {
    const fn = base[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof fn === 'function') subtle[name] = (...args: unknown[]) => fn.apply(base, args);
  }

  Object.assign(subtle, {
    importKey(
      format: KeyFormat,
      keyData: KeyData,
      algorithm: AlgorithmIdentifier | HmacImportParams,
      extractable: boolean,
      usages: KeyUsage[],
    ): Promise<CryptoKey> {
      if (format === 'raw' && !extractable && isHmacSha256(algorithm)) {
        const bytes = viewOf(keyData);
        const supported = usages.every((u) => u === 'sign' || u === 'verify');
        if (bytes && bytes.byteLength > 0 && usages.length > 0 && supported) {
          return Promise.resolve(new HmacSha256Key(bytes, usages) as unknown as CryptoKey);
        }
      }
      if (format === 'raw' && !extractable && algorithmName(algorithm) === 'AES-CBC') {
        const bytes = viewOf(keyData);
        const supported = usages.every((u) => u === 'encrypt' || u === 'decrypt');
        if (bytes && isAesKeyLength(bytes.byteLength) && usages.length > 0 && supported) {
          return Promise.resolve(new AesCbcKey(bytes, usages) as unknown as CryptoKey);
        }
      }
      return base.importKey(format as 'raw', keyData as BufferSource, algorithm, extractable, usages);
    },
    encrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> {
      if (key instanceof AesCbcKey) return aesCbc('encrypt', algorithm, key, data);
      return base.encrypt(algorithm, key, data);
    },
    decrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> {
      if (key instanceof AesCbcKey) return aesCbc('decrypt', algorithm, key, data);
      return base.decrypt(algorithm, key, data);
    },
    sign(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> {
      if (key instanceof HmacSha256Key) {
        try {
          const message = viewOf(data);
          if (algorithmName(algorithm) !== 'HMAC' || !key.usages.includes('sign')) {
            throw invalidAccess('key cannot be used with this algorithm or usage');
          }
          if (!message) throw new TypeError('data must be a BufferSource');
          return Promise.resolve(hmacSha256Prepared(key.state, message).buffer);
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return base.sign(algorithm, key, data);
    },
    verify(
      algorithm: AlgorithmIdentifier,
      key: CryptoKey,
      signature: BufferSource,
      data: BufferSource,
    ): Promise<boolean> {
      if (key instanceof HmacSha256Key) {
        try {
          const message = viewOf(data);
          const tag = viewOf(signature);
          if (algorithmName(algorithm) !== 'HMAC' || !key.usages.includes('verify')) {
            throw invalidAccess('key cannot be used with this algorithm or usage');
          }
          if (!message || !tag) throw new TypeError('data and signature must be BufferSources');
          const expected = hmacSha256Prepared(key.state, message);
          let diff = expected.byteLength ^ tag.byteLength;
          for (let i = 0; i < expected.byteLength; i++) diff |= expected[i]! ^ (tag[i] ?? 0);
          expected.fill(0);
          return Promise.resolve(diff === 0);
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return base.verify(algorithm, key, signature, data);
    },
  });

  return {
    subtle: subtle as unknown as SubtleCrypto,
    getRandomValues: (array) => platform.getRandomValues(array),
  };
}
