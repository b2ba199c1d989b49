// Test helpers: one message through a session between two devices (devices: @parley/test-utils/signal-device).

import type { Device } from '@parley/test-utils/signal-device';
import { type DecryptResult, decrypt, type EncryptedMessage, encrypt } from '../../src/crypto/index.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function seal(from: Device, to: Device, text: string): Promise<EncryptedMessage> {
  return encrypt(from.store, to.address, encoder.encode(text));
}

export async function open(to: Device, from: Device, message: EncryptedMessage): Promise<string> {
  const result = await openResult(to, from, message);
  return decoder.decode(result.plaintext);
}

export function openResult(to: Device, from: Device, message: EncryptedMessage): Promise<DecryptResult> {
  return decrypt(to.store, from.address, message.type, message.body);
}

/** Sends one message and returns what the recipient decrypted. */
export async function send(from: Device, to: Device, text: string): Promise<string> {
  return open(to, from, await seal(from, to, text));
}

/** The stored session record size in bytes (what the client's store would hold). */
export async function recordSize(device: Device, peer: Device): Promise<number> {
  const record = await device.store.loadSession(peer.address);
  return record === undefined ? 0 : encoder.encode(record).byteLength;
}
