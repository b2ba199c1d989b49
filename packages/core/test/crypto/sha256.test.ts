// The synchronous SHA-256 / HMAC-SHA256 / HKDF-SHA256 (sha256.ts) and the WebCrypto-like object
// the Signal library gets (fast-webcrypto.ts): published vectors, and agreement with the platform's
// WebCrypto on many random lengths.

import { randomBytes } from '@parley/test-utils/random-bytes';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/bytes.js';
import { copyBytes } from '../../src/crypto/buffers.js';
import { fastWebCrypto } from '../../src/crypto/fast-webcrypto.js';
import { hkdfSha256, hmacSha256, sha256 } from '../../src/crypto/sha256.js';

const subtle = globalThis.crypto.subtle;
const text = (s: string) => new TextEncoder().encode(s);
const filled = (n: number, v: number) => new Uint8Array(n).fill(v);
const range = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Lengths around every block and padding boundary, then random ones. */
function lengths(randomCount: number, max: number): number[] {
  const out: number[] = [];
  for (let n = 0; n <= 260; n++) out.push(n);
  for (const edge of [511, 512, 513, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 65537]) out.push(edge);
  for (let i = 0; i < randomCount; i++) out.push(Math.floor(Math.random() * max));
  return out;
}

async function webHmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<string> {
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await subtle.sign('HMAC', k, data)));
}

describe('SHA-256', () => {
  it('matches the FIPS 180-4 / NIST examples', () => {
    expect(toHex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(text('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      toHex(
        sha256(
          text(
            'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
          ),
        ),
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(toHex(sha256(filled(1_000_000, 0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with WebCrypto on every length 0..260, the block edges and random lengths', async () => {
    for (const n of lengths(300, 5000)) {
      const data = randomBytes(n);
      const expected = toHex(new Uint8Array(await subtle.digest('SHA-256', data)));
      expect(toHex(sha256(data)), `length ${n}`).toBe(expected);
    }
  });

  it('hashes a view without reading outside it', async () => {
    const backing = randomBytes(300);
    const view = backing.subarray(17, 17 + 200);
    const expected = toHex(new Uint8Array(await subtle.digest('SHA-256', view.slice())));
    expect(toHex(sha256(view))).toBe(expected);
  });
});

describe('HMAC-SHA256', () => {
  // RFC 4231 section 4, test cases 1-7 (case 5 is truncated to 128 bits).
  const vectors: [Uint8Array, Uint8Array, string][] = [
    [filled(20, 0x0b), text('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [
      text('Jefe'),
      text('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [filled(20, 0xaa), filled(50, 0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    [range(1, 25), filled(50, 0xcd), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
    [filled(20, 0x0c), text('Test With Truncation'), 'a3b6167473100ee06e0c796c2955552b'],
    [
      filled(131, 0xaa),
      text('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
    [
      filled(131, 0xaa),
      text(
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      ),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ];

  it('matches RFC 4231', () => {
    for (const [key, data, mac] of vectors) {
      expect(toHex(hmacSha256(key, data)).slice(0, mac.length)).toBe(mac);
    }
  });

  it('agrees with WebCrypto on random keys (0..200 bytes) and messages', async () => {
    const keyLengths = [1, 16, 31, 32, 33, 63, 64, 65, 100, 128, 129, 200];
    for (let i = 0; i < 40; i++) keyLengths.push(1 + Math.floor(Math.random() * 200));
    let round = 0;
    for (const n of lengths(200, 3000)) {
      const key = randomBytes(keyLengths[round++ % keyLengths.length]!);
      const data = randomBytes(n);
      expect(toHex(hmacSha256(key, data)), `key ${key.length}, data ${n}`).toBe(await webHmac(key, data));
    }
  });

  it('does not modify its inputs and leaves no state behind between calls', async () => {
    const key = randomBytes(32);
    const data = randomBytes(100);
    const keyCopy = key.slice();
    const dataCopy = data.slice();
    const first = toHex(hmacSha256(key, data));
    hmacSha256(randomBytes(200), randomBytes(1000));
    expect(toHex(hmacSha256(key, data))).toBe(first);
    expect(key).toEqual(keyCopy);
    expect(data).toEqual(dataCopy);
    expect(first).toBe(await webHmac(key, data));
  });
});

describe('HKDF-SHA256', () => {
  it('matches RFC 5869 A.1-A.3', () => {
    expect(toHex(hkdfSha256(filled(22, 0x0b), range(0x00, 0x0c), range(0xf0, 0xf9), 42))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
    expect(toHex(hkdfSha256(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82))).toBe(
      'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c' +
        '59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71' +
        'cc30c58179ec3e87c14c01d5c1f3434f1d87',
    );
    expect(toHex(hkdfSha256(filled(22, 0x0b), new Uint8Array(0), new Uint8Array(0), 42))).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });

  it('agrees with WebCrypto HKDF on random inputs and lengths', async () => {
    for (let i = 0; i < 300; i++) {
      const ikm = randomBytes(Math.floor(Math.random() * 100));
      const salt = randomBytes(Math.floor(Math.random() * 100));
      const info = randomBytes(Math.floor(Math.random() * 100));
      const length = i < 5 ? [1, 32, 33, 96, 8160][i]! : 1 + Math.floor(Math.random() * 300);
      const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
      const expected = new Uint8Array(
        await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, length * 8),
      );
      expect(toHex(hkdfSha256(ikm, salt, info, length)), `round ${i}`).toBe(toHex(expected));
    }
  });

  it('rejects impossible lengths', () => {
    expect(() => hkdfSha256(randomBytes(32), randomBytes(32), randomBytes(1), 8161)).toThrow(RangeError);
    expect(() => hkdfSha256(randomBytes(32), randomBytes(32), randomBytes(1), -1)).toThrow(RangeError);
  });
});

describe('the WebCrypto-like object given to the Signal library', () => {
  const fast = fastWebCrypto(globalThis.crypto);
  const hmac = { name: 'HMAC', hash: { name: 'SHA-256' } };

  it('signs HMAC-SHA256 the way the library asks, synchronously, equal to WebCrypto', async () => {
    for (let i = 0; i < 200; i++) {
      const key = randomBytes(i % 3 === 0 ? 32 : 1 + Math.floor(Math.random() * 100));
      const data = randomBytes(Math.floor(Math.random() * 400));
      const k = await fast.subtle.importKey('raw', key.buffer, hmac, false, ['sign']);
      const mac = await fast.subtle.sign({ name: 'HMAC', hash: 'SHA-256' }, k, data.buffer);
      expect(mac).toBeInstanceOf(ArrayBuffer);
      expect(toHex(new Uint8Array(mac))).toBe(await webHmac(key, data));
    }
  });

  it('keeps its own copy of the key (later changes to the caller buffer do not matter)', async () => {
    const key = randomBytes(32);
    const data = randomBytes(50);
    const expected = await webHmac(key.slice(), data);
    const k = await fast.subtle.importKey('raw', key, hmac, false, ['sign', 'verify']);
    key.fill(0);
    expect(toHex(new Uint8Array(await fast.subtle.sign('HMAC', k, data)))).toBe(expected);
    expect(await fast.subtle.verify('HMAC', k, copyBytes(fromHex(expected)), data)).toBe(true);
    const wrong = copyBytes(fromHex(expected));
    wrong[5]! ^= 1;
    expect(await fast.subtle.verify('HMAC', k, wrong, data)).toBe(false);
    expect(await fast.subtle.verify('HMAC', k, wrong.subarray(0, 16), data)).toBe(false);
  });

  it('refuses a usage the key was not imported for, like WebCrypto', async () => {
    const k = await fast.subtle.importKey('raw', randomBytes(32), hmac, false, ['verify']);
    await expect(fast.subtle.sign('HMAC', k, randomBytes(10))).rejects.toThrow();
  });

  it('passes everything else to the platform (AES-CBC, digests, other HMAC hashes, random bytes)', async () => {
    const keyBytes = randomBytes(32);
    const iv = randomBytes(16);
    const plaintext = randomBytes(100);
    const fastKey = await fast.subtle.importKey('raw', keyBytes, { name: 'AES-CBC' }, false, ['encrypt']);
    const webKey = await subtle.importKey('raw', keyBytes, { name: 'AES-CBC' }, false, ['encrypt']);
    const a = new Uint8Array(await fast.subtle.encrypt({ name: 'AES-CBC', iv }, fastKey, plaintext));
    const b = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, webKey, plaintext));
    expect(toHex(a)).toBe(toHex(b));
    const data = randomBytes(77);
    expect(toHex(new Uint8Array(await fast.subtle.digest({ name: 'SHA-512' }, data)))).toBe(
      toHex(new Uint8Array(await subtle.digest('SHA-512', data))),
    );
    const sha512Key = await fast.subtle.importKey('raw', randomBytes(32), { name: 'HMAC', hash: 'SHA-512' }, false, [
      'sign',
    ]);
    expect((await fast.subtle.sign('HMAC', sha512Key, data)).byteLength).toBe(64);
    const bytes = new Uint8Array(32);
    expect(fast.getRandomValues(bytes)).toBe(bytes);
    expect(bytes.some((b) => b !== 0)).toBe(true);
  });
});
