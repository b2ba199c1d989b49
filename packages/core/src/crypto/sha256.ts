// SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and HKDF-SHA256 (RFC 5869) in synchronous plain
// JavaScript. The Signal ratchet makes many tiny HMAC calls (chain-key steps, HKDF expansions,
// message MACs), each on a few dozen bytes; on WebCrypto every one of them is an asynchronous
// round trip that costs far more than the hash itself. Internal to crypto/.
//
// Working state lives in module-level scratch arrays (this is all synchronous, so no call can
// interleave with another); they are wiped at the end of every call that held key material.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

export const IV = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

export const SHA256_BLOCK_BYTES = 64;
export const SHA256_BYTES = 32;

/** Message schedule scratch. */
const W = new Uint32Array(64);

/** Compresses the 64-byte blocks of `data[offset .. offset + 64 * blocks)` into `state`. Also used by media-hash.ts. */
export function compress(state: Uint32Array, data: Uint8Array, offset: number, blocks: number): void {
  let h0 = state[0]! | 0;
  let h1 = state[1]! | 0;
  let h2 = state[2]! | 0;
  let h3 = state[3]! | 0;
  let h4 = state[4]! | 0;
  let h5 = state[5]! | 0;
  let h6 = state[6]! | 0;
  let h7 = state[7]! | 0;
  for (let b = 0; b < blocks; b++, offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      W[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!;
      const w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0;
    let bb = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/** The last (padded) block or two of a message. */
const TAIL = new Uint8Array(128);

/**
 * Hashes `data` into `state`, which already holds `prefixBlocks` compressed 64-byte blocks (0 for
 * a plain hash; 1 after an HMAC key pad), and writes the digest to `out[outOffset .. +32)`.
 */
export function finish(
  state: Uint32Array,
  prefixBlocks: number,
  data: Uint8Array,
  out: Uint8Array,
  outOffset: number,
): void {
  const length = data.length;
  const full = length >>> 6;
  if (full > 0) compress(state, data, 0, full);
  const rest = length - full * 64;
  TAIL.fill(0);
  TAIL.set(data.subarray(full * 64), 0);
  TAIL[rest] = 0x80;
  const tailBlocks = rest < 56 ? 1 : 2;
  // Length in bits, big-endian 64-bit; messages here stay far below 2^53 bits.
  const bits = (prefixBlocks * 64 + length) * 8;
  const end = tailBlocks * 64;
  const high = Math.floor(bits / 0x100000000);
  TAIL[end - 8] = high >>> 24;
  TAIL[end - 7] = high >>> 16;
  TAIL[end - 6] = high >>> 8;
  TAIL[end - 5] = high;
  TAIL[end - 4] = bits >>> 24;
  TAIL[end - 3] = bits >>> 16;
  TAIL[end - 2] = bits >>> 8;
  TAIL[end - 1] = bits;
  compress(state, TAIL, 0, tailBlocks);
  TAIL.fill(0);
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    const j = outOffset + i * 4;
    out[j] = v >>> 24;
    out[j + 1] = v >>> 16;
    out[j + 2] = v >>> 8;
    out[j + 3] = v;
  }
}

/** SHA-256 of `data`. */
export function sha256(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const state = IV.slice();
  const out = new Uint8Array(SHA256_BYTES);
  finish(state, 0, data, out, 0);
  state.fill(0);
  return out;
}

const PAD = new Uint8Array(SHA256_BLOCK_BYTES);
const INNER = new Uint32Array(8);
const OUTER = new Uint32Array(8);
const INNER_DIGEST = new Uint8Array(SHA256_BYTES);

/** Loads the inner and outer states of HMAC with `key` into INNER / OUTER. */
function hmacInit(key: Uint8Array): void {
  PAD.fill(0);
  if (key.length > SHA256_BLOCK_BYTES) {
    const state = IV.slice();
    finish(state, 0, key, PAD, 0);
    state.fill(0);
  } else {
    PAD.set(key);
  }
  for (let i = 0; i < SHA256_BLOCK_BYTES; i++) PAD[i]! ^= 0x36;
  INNER.set(IV);
  compress(INNER, PAD, 0, 1);
  for (let i = 0; i < SHA256_BLOCK_BYTES; i++) PAD[i]! ^= 0x36 ^ 0x5c;
  OUTER.set(IV);
  compress(OUTER, PAD, 0, 1);
  PAD.fill(0);
}

/**
 * An HMAC-SHA256 key prepared once: the states after compressing the inner and outer key pads
 * (16 words, as a plain array). Signing with it skips those two compressions and never needs the
 * key bytes again.
 */
export type HmacSha256State = number[];

export function hmacSha256Prepare(key: Uint8Array): HmacSha256State {
  hmacInit(key);
  const state = [...INNER, ...OUTER];
  wipeHmac();
  return state;
}

/** HMAC-SHA256 of `data` with a prepared key. */
export function hmacSha256Prepared(state: HmacSha256State, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(SHA256_BYTES);
  for (let i = 0; i < 8; i++) {
    INNER[i] = state[i]!;
    OUTER[i] = state[i + 8]!;
  }
  hmacFinish(data, out, 0);
  wipeHmac();
  return out;
}

/** HMAC with the states loaded by hmacInit, written to out[outOffset .. +32). INNER/OUTER are spent. */
function hmacFinish(data: Uint8Array, out: Uint8Array, outOffset: number): void {
  finish(INNER, 1, data, INNER_DIGEST, 0);
  finish(OUTER, 1, INNER_DIGEST, out, outOffset);
  INNER_DIGEST.fill(0);
}

function wipeHmac(): void {
  INNER.fill(0);
  OUTER.fill(0);
  W.fill(0);
}

/** HMAC-SHA256 of `data` under `key` (any length). */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(SHA256_BYTES);
  hmacInit(key);
  hmacFinish(data, out, 0);
  wipeHmac();
  return out;
}

/**
 * HKDF-SHA256 (RFC 5869): `length` bytes (at most 255 * 32) from input keying material `ikm`, `salt`
 * (empty means 32 zero bytes, as the RFC says) and `info`.
 */
export function hkdfSha256(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(length) || length < 0 || length > 255 * SHA256_BYTES) {
    throw new RangeError('HKDF-SHA256 output length must be an integer in 0..8160');
  }
  const prk = hmacSha256(salt.length === 0 ? new Uint8Array(SHA256_BYTES) : salt, ikm);
  const blocks = Math.ceil(length / SHA256_BYTES);
  const okm = new Uint8Array(blocks * SHA256_BYTES);
  // T(i) = HMAC(PRK, T(i-1) || info || i), T(0) empty.
  const input = new Uint8Array(SHA256_BYTES + info.length + 1);
  input.set(info, SHA256_BYTES);
  for (let i = 1; i <= blocks; i++) {
    input[input.length - 1] = i;
    const message = i === 1 ? input.subarray(SHA256_BYTES) : input;
    hmacInit(prk);
    hmacFinish(message, okm, (i - 1) * SHA256_BYTES);
    input.set(okm.subarray((i - 1) * SHA256_BYTES, i * SHA256_BYTES));
  }
  wipeHmac();
  prk.fill(0);
  input.fill(0);
  if (blocks * SHA256_BYTES === length) return okm;
  const out = okm.slice(0, length);
  okm.fill(0);
  return out;
}
