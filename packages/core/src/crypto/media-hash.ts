// Incremental SHA-256 and HMAC-SHA256 for media files, which arrive in pieces and may be far larger
// than memory should hold; WebCrypto only hashes whole buffers. Built on the block function of
// sha256.ts. Internal to crypto/.

import { compress, finish, SHA256_BLOCK_BYTES, SHA256_BYTES, IV as SHA256_IV, sha256 } from './sha256.js';

/** SHA-256 over data fed in any number of pieces. */
export class Sha256Stream {
  private readonly state = SHA256_IV.slice();
  private readonly block = new Uint8Array(SHA256_BLOCK_BYTES);
  private buffered = 0;
  private blocks = 0;
  private done = false;

  update(data: Uint8Array): void {
    if (this.done) throw new Error('Sha256Stream already finished');
    let offset = 0;
    if (this.buffered > 0) {
      const take = Math.min(SHA256_BLOCK_BYTES - this.buffered, data.length);
      this.block.set(data.subarray(0, take), this.buffered);
      this.buffered += take;
      offset = take;
      if (this.buffered < SHA256_BLOCK_BYTES) return;
      compress(this.state, this.block, 0, 1);
      this.blocks++;
      this.buffered = 0;
    }
    const whole = Math.floor((data.length - offset) / SHA256_BLOCK_BYTES);
    if (whole > 0) {
      compress(this.state, data, offset, whole);
      this.blocks += whole;
      offset += whole * SHA256_BLOCK_BYTES;
    }
    if (offset < data.length) {
      this.block.set(data.subarray(offset));
      this.buffered = data.length - offset;
    }
  }

  /** The digest; the stream cannot be fed afterwards. */
  digest(): Uint8Array<ArrayBuffer> {
    if (this.done) throw new Error('Sha256Stream already finished');
    this.done = true;
    const out = new Uint8Array(SHA256_BYTES);
    finish(this.state, this.blocks, this.block.subarray(0, this.buffered), out, 0);
    this.state.fill(0);
    this.block.fill(0);
    return out;
  }
}

/** HMAC-SHA256 (RFC 2104) over data fed in any number of pieces. */
export class HmacSha256Stream {
  private readonly inner = new Sha256Stream();
  private readonly outerPad: Uint8Array;

  constructor(key: Uint8Array) {
    const padded = new Uint8Array(SHA256_BLOCK_BYTES);
    padded.set(key.length > SHA256_BLOCK_BYTES ? sha256(key) : key);
    const innerPad = padded.map((b) => b ^ 0x36);
    this.outerPad = padded.map((b) => b ^ 0x5c);
    padded.fill(0);
    this.inner.update(innerPad);
    innerPad.fill(0);
  }

  update(data: Uint8Array): void {
    this.inner.update(data);
  }

  digest(): Uint8Array<ArrayBuffer> {
    const outer = new Sha256Stream();
    outer.update(this.outerPad);
    this.outerPad.fill(0);
    outer.update(this.inner.digest());
    return outer.digest();
  }
}
