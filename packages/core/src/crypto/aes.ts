// AES (FIPS 197) in CBC mode with PKCS#7 padding (what WebCrypto's AES-CBC does), synchronous
// plain JavaScript. Every Signal message is AES-256-CBC over about a hundred bytes under a message
// key used for that one message; on WebCrypto each costs an asynchronous job far dearer than the
// seven blocks of work. Internal to crypto/.
//
// Table-driven ("T-table") rounds. Table lookups indexed by key-dependent bytes can leak through
// cache timing to an attacker who can observe many encryptions under the same key; here every key
// is a per-message key that encrypts (and decrypts) exactly one message, which leaves such an
// attacker one short trace per key. The key schedule is expanded per call into scratch arrays
// and wiped afterwards.

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
const TE0 = new Uint32Array(256);
const TE1 = new Uint32Array(256);
const TE2 = new Uint32Array(256);
const TE3 = new Uint32Array(256);
const TD0 = new Uint32Array(256);
const TD1 = new Uint32Array(256);
const TD2 = new Uint32Array(256);
const TD3 = new Uint32Array(256);

const ror8 = (w: number) => (w >>> 8) | (w << 24);

(function buildTables() {
  // GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1: exp/log tables on generator 3.
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= (x << 1) ^ (x & 0x80 ? 0x11b : 0);
  }
  const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : exp[(log[a]! + log[b]!) % 255]!);
  for (let a = 0; a < 256; a++) {
    const inv = a === 0 ? 0 : exp[(255 - log[a]!) % 255]!;
    let s = inv;
    for (let r = 1; r <= 4; r++) s ^= ((inv << r) | (inv >>> (8 - r))) & 0xff;
    s ^= 0x63;
    SBOX[a] = s;
    INV_SBOX[s] = a;
  }
  for (let a = 0; a < 256; a++) {
    const s = SBOX[a]!;
    const te = ((mul(s, 2) << 24) | (s << 16) | (s << 8) | mul(s, 3)) >>> 0;
    TE0[a] = te;
    TE1[a] = ror8(te);
    TE2[a] = ror8(ror8(te));
    TE3[a] = ror8(ror8(ror8(te)));
    const v = INV_SBOX[a]!;
    const td = ((mul(v, 14) << 24) | (mul(v, 9) << 16) | (mul(v, 13) << 8) | mul(v, 11)) >>> 0;
    TD0[a] = td;
    TD1[a] = ror8(td);
    TD2[a] = ror8(ror8(td));
    TD3[a] = ror8(ror8(ror8(td)));
  }
})();

const RCON = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36];

/** Whether `length` bytes is an AES key (128, 192 or 256 bits). */
export function isAesKeyLength(length: number): boolean {
  return length === 16 || length === 24 || length === 32;
}

/** Round-key scratch (up to 15 round keys of 4 words), wiped after every call. */
const ENC = new Uint32Array(60);
const DEC = new Uint32Array(60);

/** Writes the encryption key schedule, 4 * (rounds + 1) words, to `w`; returns the round count. */
function expandKey(key: ArrayLike<number>, w: Uint32Array): number {
  const nk = key.length >>> 2;
  const rounds = nk + 6;
  const words = 4 * (rounds + 1);
  for (let i = 0; i < nk; i++) {
    w[i] = (key[4 * i]! << 24) | (key[4 * i + 1]! << 16) | (key[4 * i + 2]! << 8) | key[4 * i + 3]!;
  }
  for (let i = nk; i < words; i++) {
    let t = w[i - 1]!;
    if (i % nk === 0) {
      t =
        ((SBOX[(t >>> 16) & 0xff]! << 24) |
          (SBOX[(t >>> 8) & 0xff]! << 16) |
          (SBOX[t & 0xff]! << 8) |
          SBOX[t >>> 24]!) ^
        (RCON[i / nk - 1]! << 24);
    } else if (nk > 6 && i % nk === 4) {
      t = (SBOX[t >>> 24]! << 24) | (SBOX[(t >>> 16) & 0xff]! << 16) | (SBOX[(t >>> 8) & 0xff]! << 8) | SBOX[t & 0xff]!;
    }
    w[i] = w[i - nk]! ^ t;
  }
  return rounds;
}

/** Writes the decryption key schedule for the equivalent inverse cipher (FIPS 197 5.3.5) to DEC. */
function expandDecryptionKey(key: ArrayLike<number>): number {
  const ek = ENC;
  const dk = DEC;
  const rounds = expandKey(key, ek);
  for (let r = 0; r <= rounds; r++) {
    for (let c = 0; c < 4; c++) {
      const w = ek[4 * (rounds - r) + c]!;
      dk[4 * r + c] =
        r === 0 || r === rounds
          ? w
          : TD0[SBOX[w >>> 24]!]! ^
            TD1[SBOX[(w >>> 16) & 0xff]!]! ^
            TD2[SBOX[(w >>> 8) & 0xff]!]! ^
            TD3[SBOX[w & 0xff]!]!;
    }
  }
  ek.fill(0);
  return rounds;
}

/** Block state in and out of the round functions. */
const S = new Int32Array(4);

function encryptBlock(rk: Uint32Array, rounds: number): void {
  let s0 = S[0]! ^ rk[0]!;
  let s1 = S[1]! ^ rk[1]!;
  let s2 = S[2]! ^ rk[2]!;
  let s3 = S[3]! ^ rk[3]!;
  let k = 4;
  for (let r = 1; r < rounds; r++, k += 4) {
    const t0 = TE0[s0 >>> 24]! ^ TE1[(s1 >>> 16) & 0xff]! ^ TE2[(s2 >>> 8) & 0xff]! ^ TE3[s3 & 0xff]! ^ rk[k]!;
    const t1 = TE0[s1 >>> 24]! ^ TE1[(s2 >>> 16) & 0xff]! ^ TE2[(s3 >>> 8) & 0xff]! ^ TE3[s0 & 0xff]! ^ rk[k + 1]!;
    const t2 = TE0[s2 >>> 24]! ^ TE1[(s3 >>> 16) & 0xff]! ^ TE2[(s0 >>> 8) & 0xff]! ^ TE3[s1 & 0xff]! ^ rk[k + 2]!;
    const t3 = TE0[s3 >>> 24]! ^ TE1[(s0 >>> 16) & 0xff]! ^ TE2[(s1 >>> 8) & 0xff]! ^ TE3[s2 & 0xff]! ^ rk[k + 3]!;
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  S[0] =
    ((SBOX[s0 >>> 24]! << 24) |
      (SBOX[(s1 >>> 16) & 0xff]! << 16) |
      (SBOX[(s2 >>> 8) & 0xff]! << 8) |
      SBOX[s3 & 0xff]!) ^
    rk[k]!;
  S[1] =
    ((SBOX[s1 >>> 24]! << 24) |
      (SBOX[(s2 >>> 16) & 0xff]! << 16) |
      (SBOX[(s3 >>> 8) & 0xff]! << 8) |
      SBOX[s0 & 0xff]!) ^
    rk[k + 1]!;
  S[2] =
    ((SBOX[s2 >>> 24]! << 24) |
      (SBOX[(s3 >>> 16) & 0xff]! << 16) |
      (SBOX[(s0 >>> 8) & 0xff]! << 8) |
      SBOX[s1 & 0xff]!) ^
    rk[k + 2]!;
  S[3] =
    ((SBOX[s3 >>> 24]! << 24) |
      (SBOX[(s0 >>> 16) & 0xff]! << 16) |
      (SBOX[(s1 >>> 8) & 0xff]! << 8) |
      SBOX[s2 & 0xff]!) ^
    rk[k + 3]!;
}

function decryptBlock(rk: Uint32Array, rounds: number): void {
  let s0 = S[0]! ^ rk[0]!;
  let s1 = S[1]! ^ rk[1]!;
  let s2 = S[2]! ^ rk[2]!;
  let s3 = S[3]! ^ rk[3]!;
  let k = 4;
  for (let r = 1; r < rounds; r++, k += 4) {
    const t0 = TD0[s0 >>> 24]! ^ TD1[(s3 >>> 16) & 0xff]! ^ TD2[(s2 >>> 8) & 0xff]! ^ TD3[s1 & 0xff]! ^ rk[k]!;
    const t1 = TD0[s1 >>> 24]! ^ TD1[(s0 >>> 16) & 0xff]! ^ TD2[(s3 >>> 8) & 0xff]! ^ TD3[s2 & 0xff]! ^ rk[k + 1]!;
    const t2 = TD0[s2 >>> 24]! ^ TD1[(s1 >>> 16) & 0xff]! ^ TD2[(s0 >>> 8) & 0xff]! ^ TD3[s3 & 0xff]! ^ rk[k + 2]!;
    const t3 = TD0[s3 >>> 24]! ^ TD1[(s2 >>> 16) & 0xff]! ^ TD2[(s1 >>> 8) & 0xff]! ^ TD3[s0 & 0xff]! ^ rk[k + 3]!;
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  S[0] =
    ((INV_SBOX[s0 >>> 24]! << 24) |
      (INV_SBOX[(s3 >>> 16) & 0xff]! << 16) |
      (INV_SBOX[(s2 >>> 8) & 0xff]! << 8) |
      INV_SBOX[s1 & 0xff]!) ^
    rk[k]!;
  S[1] =
    ((INV_SBOX[s1 >>> 24]! << 24) |
      (INV_SBOX[(s0 >>> 16) & 0xff]! << 16) |
      (INV_SBOX[(s3 >>> 8) & 0xff]! << 8) |
      INV_SBOX[s2 & 0xff]!) ^
    rk[k + 1]!;
  S[2] =
    ((INV_SBOX[s2 >>> 24]! << 24) |
      (INV_SBOX[(s1 >>> 16) & 0xff]! << 16) |
      (INV_SBOX[(s0 >>> 8) & 0xff]! << 8) |
      INV_SBOX[s3 & 0xff]!) ^
    rk[k + 2]!;
  S[3] =
    ((INV_SBOX[s3 >>> 24]! << 24) |
      (INV_SBOX[(s2 >>> 16) & 0xff]! << 16) |
      (INV_SBOX[(s1 >>> 8) & 0xff]! << 8) |
      INV_SBOX[s0 & 0xff]!) ^
    rk[k + 3]!;
}

const readWord = (b: Uint8Array, i: number) => (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;

function writeWord(b: Uint8Array, i: number, w: number): void {
  b[i] = w >>> 24;
  b[i + 1] = w >>> 16;
  b[i + 2] = w >>> 8;
  b[i + 3] = w;
}

function checkArguments(key: ArrayLike<number>, iv: Uint8Array): void {
  if (!isAesKeyLength(key.length)) throw new RangeError('AES key must be 16, 24 or 32 bytes');
  if (iv.length !== 16) throw new RangeError('AES-CBC iv must be 16 bytes');
}

/** AES-CBC encryption of `data` with PKCS#7 padding (1..16 bytes added), as WebCrypto's AES-CBC. */
export function aesCbcEncrypt(key: ArrayLike<number>, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  checkArguments(key, iv);
  const padding = 16 - (data.length % 16);
  const out = new Uint8Array(data.length + padding);
  out.set(data);
  out.fill(padding, data.length);
  const rk = ENC;
  const rounds = expandKey(key, rk);
  let c0 = readWord(iv, 0);
  let c1 = readWord(iv, 4);
  let c2 = readWord(iv, 8);
  let c3 = readWord(iv, 12);
  for (let i = 0; i < out.length; i += 16) {
    S[0] = readWord(out, i) ^ c0;
    S[1] = readWord(out, i + 4) ^ c1;
    S[2] = readWord(out, i + 8) ^ c2;
    S[3] = readWord(out, i + 12) ^ c3;
    encryptBlock(rk, rounds);
    c0 = S[0]!;
    c1 = S[1]!;
    c2 = S[2]!;
    c3 = S[3]!;
    writeWord(out, i, c0);
    writeWord(out, i + 4, c1);
    writeWord(out, i + 8, c2);
    writeWord(out, i + 12, c3);
  }
  rk.fill(0);
  S.fill(0);
  return out;
}

/**
 * AES-CBC decryption with PKCS#7 padding removed. Throws when the length is not a positive multiple
 * of 16 or the padding is malformed (WebCrypto's OperationError cases).
 */
export function aesCbcDecrypt(key: ArrayLike<number>, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  checkArguments(key, iv);
  if (data.length === 0 || data.length % 16 !== 0)
    throw new RangeError('AES-CBC ciphertext length is not a multiple of 16');
  const out = new Uint8Array(data.length);
  const rk = DEC;
  const rounds = expandDecryptionKey(key);
  let c0 = readWord(iv, 0);
  let c1 = readWord(iv, 4);
  let c2 = readWord(iv, 8);
  let c3 = readWord(iv, 12);
  for (let i = 0; i < data.length; i += 16) {
    const n0 = readWord(data, i);
    const n1 = readWord(data, i + 4);
    const n2 = readWord(data, i + 8);
    const n3 = readWord(data, i + 12);
    S[0] = n0;
    S[1] = n1;
    S[2] = n2;
    S[3] = n3;
    decryptBlock(rk, rounds);
    writeWord(out, i, S[0]! ^ c0);
    writeWord(out, i + 4, S[1]! ^ c1);
    writeWord(out, i + 8, S[2]! ^ c2);
    writeWord(out, i + 12, S[3]! ^ c3);
    c0 = n0;
    c1 = n1;
    c2 = n2;
    c3 = n3;
  }
  rk.fill(0);
  S.fill(0);
  const padding = out[out.length - 1]!;
  let bad = padding === 0 || padding > 16 ? 1 : 0;
  if (!bad) for (let i = out.length - padding; i < out.length; i++) bad |= out[i]! ^ padding;
  if (bad) {
    out.fill(0);
    throw new RangeError('AES-CBC padding is malformed');
  }
  const plaintext = out.slice(0, out.length - padding);
  out.fill(0);
  return plaintext;
}
