// Content padding, Signal style: the content, one 0x80 byte, then zeros up to a multiple of the
// block size, so a ciphertext's length tells an observer only which bucket the message is in.
import { ParleyError } from '../errors.js';

/** Signal's padding block: padded contents are a multiple of 160 bytes long. */
export const PADDING_BLOCK_SIZE = 160;

/** Pads `content` to the next multiple of `blockSize` (always adding at least the 0x80 marker). */
export function padContent(content: Uint8Array, blockSize: number = PADDING_BLOCK_SIZE): Uint8Array {
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new ParleyError('INVALID_ARGUMENT', 'blockSize must be a positive integer');
  }
  const length = Math.ceil((content.byteLength + 1) / blockSize) * blockSize;
  const out = new Uint8Array(length);
  out.set(content);
  out[content.byteLength] = 0x80;
  return out;
}

/**
 * Removes the padding added by {@link padContent}: trailing zeros, then the 0x80 marker. Rejects
 * (`INVALID_ARGUMENT`) content without a marker or with anything but zeros after it.
 */
export function unpadContent(padded: Uint8Array): Uint8Array {
  let i = padded.byteLength - 1;
  while (i >= 0 && padded[i] === 0) i--;
  if (i < 0 || padded[i] !== 0x80) throw new ParleyError('INVALID_ARGUMENT', 'malformed content padding');
  return padded.slice(0, i);
}
