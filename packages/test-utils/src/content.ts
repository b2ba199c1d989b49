// Message content as a client encodes it before encryption, for tests that speak the wire directly.
import { pb } from '@parley/core';

/** The encoded `Content` of a text message: the payload bytes a raw peer puts in a `send` copy. */
export const textContent = (text: string): Uint8Array => pb.Content.encode({ text: { text } }).finish();
