// The one place that loads the Signal library (@privacyresearch/libsignal-protocol-typescript,
// GPL-3.0, patched under patches/) and routes its curve arithmetic. Loaded lazily on the first crypto
// call, so importing @parley/core does not load it. Internal to crypto/ apart from the backend switch.
import type * as SignalLibrary from '@privacyresearch/libsignal-protocol-typescript';
import { ParleyError } from '../errors.js';
import { toArrayBuffer } from './buffers.js';
import { fastWebCrypto } from './fast-webcrypto.js';
import { isPublicKey, isSignature } from './keys-format.js';
import { webCryptoSupportsX25519, webCryptoX25519, type X25519 } from './webcrypto-x25519.js';
import { webCryptoSupportsXEdDSA, webCryptoXEdDSA, type XEdDSAVerifier } from './xeddsa.js';

export type Library = typeof SignalLibrary;

/**
 * Where X25519 key generation and agreement run: `'webcrypto'` is the platform's native
 * `crypto.subtle` X25519; `'fallback'` is the library's own asm.js code. With `'webcrypto'`, XEdDSA
 * signatures are also verified on the platform's Ed25519 where it has it; they are always made by
 * the library's code (WebCrypto's Ed25519 cannot sign with a Curve25519 key).
 */
export type CurveBackend = 'webcrypto' | 'fallback';

/** The library's asm.js curve, as curve25519-typescript's AsyncCurve. `verify` answers true when INVALID. */
interface FallbackCurve extends X25519 {
  sign(privKey: ArrayBuffer, message: ArrayBuffer): Promise<ArrayBuffer>;
  verify(pubKey: ArrayBuffer, message: ArrayBuffer, sig: ArrayBuffer): Promise<boolean>;
}

interface Loaded {
  readonly lib: Library;
  readonly fallback: FallbackCurve;
  readonly webcrypto: X25519 | undefined;
  readonly webcryptoXEdDSA: XEdDSAVerifier | undefined;
}

let loading: Promise<Loaded> | undefined;
let active: X25519 | undefined;
let activeXEdDSA: XEdDSAVerifier | undefined;
let activeBackend: CurveBackend = 'fallback';

/** The library's curve-hook verify answers true when the signature is INVALID. */
function verifyHook(fallback: FallbackCurve) {
  return (pubKey: ArrayBuffer, message: ArrayBuffer, sig: ArrayBuffer): Promise<boolean> => {
    if (!activeXEdDSA) return fallback.verify(pubKey, message, sig);
    return activeXEdDSA
      .verify(new Uint8Array(pubKey), new Uint8Array(message), new Uint8Array(sig))
      .then((valid) => !valid);
  };
}

async function load(): Promise<Loaded> {
  const [lib, curve] = await Promise.all([
    import('@privacyresearch/libsignal-protocol-typescript').then((ns) => commonJsExports(ns, 'setCurve')),
    import('@privacyresearch/curve25519-typescript').then((ns) => commonJsExports(ns, 'AsyncCurve25519Wrapper')),
  ]);
  const fallback: FallbackCurve = new curve.AsyncCurve25519Wrapper();
  // Feature-detect once: native X25519 where the platform has it, the library's code otherwise.
  const subtle = globalThis.crypto?.subtle;
  const webcrypto = subtle && (await webCryptoSupportsX25519(subtle)) ? webCryptoX25519(subtle) : undefined;
  const webcryptoXEdDSA = subtle && (await webCryptoSupportsXEdDSA(subtle)) ? webCryptoXEdDSA(subtle) : undefined;
  active = webcrypto ?? fallback;
  activeXEdDSA = webcrypto ? webcryptoXEdDSA : undefined;
  activeBackend = webcrypto ? 'webcrypto' : 'fallback';
  // HMAC-SHA256 (chain keys, HKDF, message MACs) and AES-CBC in synchronous JavaScript, the rest on
  // WebCrypto (see fast-webcrypto.ts).
  if (globalThis.crypto?.subtle) lib.setWebCrypto(fastWebCrypto(globalThis.crypto) as Crypto);
  const hook = {
    keyPair: (privKey: ArrayBuffer) => (active ?? fallback).keyPair(privKey),
    sharedSecret: (pubKey: ArrayBuffer, privKey: ArrayBuffer) => (active ?? fallback).sharedSecret(pubKey, privKey),
    sign: (privKey: ArrayBuffer, message: ArrayBuffer) => fallback.sign(privKey, message),
    verify: verifyHook(fallback),
    // New random key pairs (patched library, see patches/): made by the platform on the WebCrypto
    // backend; undefined makes the library use random bytes and keyPair(), as before.
    generateKeyPair: () => (active === webcrypto && active?.generateKeyPair ? active.generateKeyPair() : undefined),
  };
  lib.setCurve(hook);
  return { lib, fallback, webcrypto, webcryptoXEdDSA };
}

/**
 * The exports of a CommonJS package loaded with `import()`. Node and Vite expose its named exports
 * on the namespace; bundlers that split the package into a lazy chunk (esbuild with `splitting`)
 * expose only `default` (= `module.exports`), as both libraries here are CommonJS.
 */
function commonJsExports<T extends object>(ns: T, member: keyof T): T {
  if (member in ns) return ns;
  const exports = (ns as { default?: unknown }).default;
  return typeof exports === 'object' && exports !== null && member in exports ? (exports as T) : ns;
}

/** The library, loaded once, with its curve hook installed. */
export function loadLibrary(): Promise<Loaded> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw new ParleyError('INTERNAL', 'could not load the Signal library', { cause: error });
  });
  return loading;
}

/** The X25519 backend in use (detected on first use: WebCrypto when the platform has X25519). */
export async function getCurveBackend(): Promise<CurveBackend> {
  await loadLibrary();
  return activeBackend;
}

/**
 * Chooses the X25519 backend, for benchmarks and tests; `'auto'` restores the detected choice. Keys
 * and sessions made with either backend work with the other. Rejects with `UNAVAILABLE` when
 * `'webcrypto'` is asked for on a platform without X25519.
 */
export async function setCurveBackend(backend: CurveBackend | 'auto'): Promise<CurveBackend> {
  const { fallback, webcrypto, webcryptoXEdDSA } = await loadLibrary();
  if (backend === 'webcrypto' && !webcrypto) {
    throw new ParleyError('UNAVAILABLE', 'this platform has no WebCrypto X25519');
  }
  const useWebCrypto = backend === 'webcrypto' || (backend === 'auto' && webcrypto !== undefined);
  active = useWebCrypto ? webcrypto : fallback;
  activeXEdDSA = useWebCrypto ? webcryptoXEdDSA : undefined;
  activeBackend = useWebCrypto ? 'webcrypto' : 'fallback';
  return activeBackend;
}

/**
 * Verifies an XEdDSA signature by a serialized (33-byte) Curve25519 public key. Parley's only way to
 * check a signature: the library's own low-level `verifySignature` must never be called (unpatched,
 * it answers true for an invalid signature).
 */
export async function verifyXEdDSA(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (!isPublicKey(publicKey) || !isSignature(signature)) return false;
  const { fallback } = await loadLibrary();
  if (activeXEdDSA) return activeXEdDSA.verify(publicKey.subarray(1), message, signature);
  // curve25519-typescript's verify() answers true when the signature is INVALID.
  const invalid = await fallback.verify(
    toArrayBuffer(publicKey.subarray(1)),
    toArrayBuffer(message),
    toArrayBuffer(signature),
  );
  return invalid === false;
}

/**
 * Makes an XEdDSA signature with a Curve25519 private key (32 bytes), as Signal signs with identity
 * and sender signing keys. Verify it with {@link verifyXEdDSA}.
 */
export async function signXEdDSA(privateKey: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  if (privateKey.byteLength !== 32) throw new ParleyError('INVALID_ARGUMENT', 'a private key is 32 bytes');
  const { fallback } = await loadLibrary();
  return new Uint8Array(await fallback.sign(toArrayBuffer(privateKey), toArrayBuffer(message)));
}
