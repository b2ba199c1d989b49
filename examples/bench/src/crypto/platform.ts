// The raw cost of the platform primitives a Signal message needs (WebCrypto, as Parley uses it):
// X25519 agreement, AES-256-CBC encryption and HMAC-SHA256, each on a 100-byte input.
import { DEFAULT_MEASURE, type Measurement, measure, simple } from './measure.js';
import { MESSAGE_BYTES, message } from './suite.js';

export const PLATFORM_LABELS = {
  x25519Derive: 'WebCrypto X25519 derive (imported keys)',
  aesCbcEncrypt: `WebCrypto AES-256-CBC encrypt (${MESSAGE_BYTES} B)`,
  hmacSha256: `WebCrypto HMAC-SHA256 (${MESSAGE_BYTES} B)`,
} as const;
export type PlatformName = keyof typeof PLATFORM_LABELS;
export type PlatformResult = Partial<Record<PlatformName, Measurement>>;

export async function measurePlatform(): Promise<PlatformResult> {
  const subtle = globalThis.crypto.subtle;
  const data = message();
  const out: PlatformResult = {};
  const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

  try {
    const a = (await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const b = (await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    out.x25519Derive = await measure(
      simple(() => subtle.deriveBits({ name: 'X25519', public: b.publicKey }, a.privateKey, 256)),
      DEFAULT_MEASURE,
    );
  } catch {
    // No X25519 in this platform's WebCrypto: leave the row empty.
  }
  const aesKey = await subtle.importKey('raw', random(32), { name: 'AES-CBC' }, false, ['encrypt']);
  out.aesCbcEncrypt = await measure(
    simple(() => subtle.encrypt({ name: 'AES-CBC', iv: random(16) }, aesKey, data)),
    DEFAULT_MEASURE,
  );
  const macKey = await subtle.importKey('raw', random(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  out.hmacSha256 = await measure(
    simple(() => subtle.sign('HMAC', macKey, data)),
    DEFAULT_MEASURE,
  );
  return out;
}
