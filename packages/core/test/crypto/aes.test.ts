// The synchronous AES-CBC (aes.ts) and its use through the WebCrypto-like object the Signal library
// gets: FIPS 197 / SP 800-38A vectors, and agreement with the platform's WebCrypto on many random
// keys, IVs and lengths, in both directions, including malformed ciphertexts.

import { randomBytes } from '@parley/test-utils/random-bytes';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src/bytes.js';
import { aesCbcDecrypt, aesCbcEncrypt } from '../../src/crypto/aes.js';
import { fastWebCrypto } from '../../src/crypto/fast-webcrypto.js';

const subtle = globalThis.crypto.subtle;

async function webEncrypt(key: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>) {
  const k = await subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
  return new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, k, data));
}

async function webDecrypt(key: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>) {
  const k = await subtle.importKey('raw', key, 'AES-CBC', false, ['decrypt']);
  return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, k, data));
}

describe('AES-CBC', () => {
  it('matches the FIPS 197 appendix C single-block examples (first CBC block with a zero IV)', () => {
    const plaintext = fromHex('00112233445566778899aabbccddeeff');
    const iv = new Uint8Array(16);
    const cases: [string, string][] = [
      ['000102030405060708090a0b0c0d0e0f', '69c4e0d86a7b0430d8cdb78070b4c55a'],
      ['000102030405060708090a0b0c0d0e0f1011121314151617', 'dda97ca4864cdfe06eaf70a0ec0d7191'],
      ['000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', '8ea2b7ca516745bfeafc49904b496089'],
    ];
    for (const [key, block] of cases) {
      const ciphertext = aesCbcEncrypt(fromHex(key), iv, plaintext);
      expect(toHex(ciphertext.subarray(0, 16))).toBe(block);
      expect(ciphertext.length).toBe(32);
      expect(toHex(aesCbcDecrypt(fromHex(key), iv, ciphertext))).toBe(toHex(plaintext));
    }
  });

  it('matches the SP 800-38A F.2.5 CBC-AES256 example', () => {
    const key = fromHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    const iv = fromHex('000102030405060708090a0b0c0d0e0f');
    const plaintext = fromHex(
      '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
    );
    const expected =
      'f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b';
    const ciphertext = aesCbcEncrypt(key, iv, plaintext);
    expect(toHex(ciphertext.subarray(0, 64))).toBe(expected);
    expect(toHex(aesCbcDecrypt(key, iv, ciphertext))).toBe(toHex(plaintext));
  });

  it('agrees with WebCrypto for every key size on lengths 0..300 and random ones, both directions', async () => {
    const lengths: number[] = [];
    for (let n = 0; n <= 300; n++) lengths.push(n);
    for (let i = 0; i < 100; i++) lengths.push(Math.floor(Math.random() * 5000));
    for (const keyBytes of [16, 24, 32]) {
      for (const n of lengths) {
        const key = randomBytes(keyBytes);
        const iv = randomBytes(16);
        const data = randomBytes(n);
        const expected = await webEncrypt(key, iv, data);
        const ciphertext = aesCbcEncrypt(key, iv, data);
        expect(toHex(ciphertext), `key ${keyBytes}, length ${n}`).toBe(toHex(expected));
        expect(toHex(aesCbcDecrypt(key, iv, expected))).toBe(toHex(data));
      }
    }
  });

  it('agrees with WebCrypto on 2,000 random AES-256 messages of Signal sizes', async () => {
    for (let i = 0; i < 2000; i++) {
      const key = randomBytes(32);
      const iv = randomBytes(16);
      const data = randomBytes(1 + Math.floor(Math.random() * 400));
      expect(toHex(aesCbcEncrypt(key, iv, data))).toBe(toHex(await webEncrypt(key, iv, data)));
    }
  });

  it('rejects what WebCrypto rejects on decryption, and accepts what it accepts', async () => {
    let rejected = 0;
    for (let i = 0; i < 1500; i++) {
      const key = randomBytes(32);
      const iv = randomBytes(16);
      // Random blocks mostly have bad padding; some end in a valid padding by chance (0x01 ...).
      const data = randomBytes(16 * (1 + (i % 4)));
      if (i % 5 === 0) data[data.length - 1] = 1;
      const web = await webDecrypt(key, iv, data).then(
        (plain) => toHex(plain),
        () => 'rejected',
      );
      let ours: string;
      try {
        ours = toHex(aesCbcDecrypt(key, iv, data));
      } catch {
        ours = 'rejected';
      }
      if (web === 'rejected') rejected++;
      expect(ours, `case ${i}`).toBe(web);
    }
    expect(rejected).toBeGreaterThan(100);
    expect(() => aesCbcDecrypt(randomBytes(32), randomBytes(16), new Uint8Array(0))).toThrow();
    expect(() => aesCbcDecrypt(randomBytes(32), randomBytes(16), randomBytes(17))).toThrow();
    expect(() => aesCbcEncrypt(randomBytes(31), randomBytes(16), randomBytes(1))).toThrow();
    expect(() => aesCbcEncrypt(randomBytes(32), randomBytes(15), randomBytes(1))).toThrow();
  });

  it('does not modify its inputs', () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const data = randomBytes(100);
    const [k, v, d] = [key.slice(), iv.slice(), data.slice()];
    const ciphertext = aesCbcEncrypt(key, iv, data);
    const c = ciphertext.slice();
    aesCbcDecrypt(key, iv, ciphertext);
    expect([key, iv, data, ciphertext]).toEqual([k, v, d, c]);
  });
});

describe('AES-CBC through the WebCrypto-like object', () => {
  const fast = fastWebCrypto(globalThis.crypto);

  it('encrypts and decrypts the way the Signal library calls it, equal to WebCrypto', async () => {
    for (let i = 0; i < 300; i++) {
      const keyBytes = randomBytes(32);
      const iv = randomBytes(16);
      const data = randomBytes(Math.floor(Math.random() * 300));
      const ek = await fast.subtle.importKey('raw', keyBytes.buffer, { name: 'AES-CBC' }, false, ['encrypt']);
      const ciphertext = await fast.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, ek, data.buffer);
      expect(ciphertext).toBeInstanceOf(ArrayBuffer);
      expect(toHex(new Uint8Array(ciphertext))).toBe(toHex(await webEncrypt(keyBytes, iv, data)));
      const dk = await fast.subtle.importKey('raw', keyBytes.buffer, { name: 'AES-CBC' }, false, ['decrypt']);
      const plaintext = await fast.subtle.decrypt({ name: 'AES-CBC', iv: iv.buffer }, dk, ciphertext);
      expect(toHex(new Uint8Array(plaintext))).toBe(toHex(data));
    }
  });

  it('rejects like WebCrypto: wrong usage, bad iv, bad padding', async () => {
    const key = await fast.subtle.importKey('raw', randomBytes(32), { name: 'AES-CBC' }, false, ['encrypt']);
    await expect(fast.subtle.decrypt({ name: 'AES-CBC', iv: randomBytes(16) }, key, randomBytes(32))).rejects.toThrow();
    await expect(fast.subtle.encrypt({ name: 'AES-CBC', iv: randomBytes(8) }, key, randomBytes(32))).rejects.toThrow();
    const dk = await fast.subtle.importKey('raw', randomBytes(32), { name: 'AES-CBC' }, false, ['decrypt']);
    const bad = randomBytes(32);
    bad[31] = 0;
    await expect(fast.subtle.decrypt({ name: 'AES-CBC', iv: randomBytes(16) }, dk, bad)).rejects.toMatchObject({
      name: 'OperationError',
    });
  });

  it('leaves extractable keys and other key sizes to the platform', async () => {
    const key = await fast.subtle.importKey('raw', randomBytes(32), { name: 'AES-CBC' }, true, ['encrypt']);
    expect(key).toBeInstanceOf(CryptoKey);
    expect((await subtle.exportKey('raw', key)).byteLength).toBe(32);
    await expect(
      fast.subtle.importKey('raw', randomBytes(20), { name: 'AES-CBC' }, false, ['encrypt']),
    ).rejects.toThrow();
  });
});
