// Sending and receiving between an official device and a Parley device, one call per message.
import { decrypt, type EncryptedMessage, encrypt, type SignalMessageType } from '@parley/core/crypto';
import type { Device as ParleyDevice } from '@parley/test-utils/signal-device';
import {
  PreKeySignalMessage,
  SignalMessage,
  signalDecrypt,
  signalDecryptPreKey,
  signalEncrypt,
} from '@signalapp/libsignal-client';
import { toBuffer, toBytes, toParleyType, toProtocolAddress, toSignalAddress } from './convert.js';
import type { OfficialDevice } from './official-device.js';

/** A ciphertext on the wire: the message type (proto PayloadType semantics) and the serialized bytes. */
export interface WireMessage {
  readonly type: SignalMessageType;
  readonly body: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The official device encrypts `text` for the Parley device. */
export async function officialSeal(from: OfficialDevice, to: ParleyDevice, text: string): Promise<WireMessage> {
  const message = await signalEncrypt(
    Buffer.from(text, 'utf8'),
    toProtocolAddress(to.address),
    from.sessions,
    from.identities,
  );
  return { type: toParleyType(message.type()), body: toBytes(message.serialize()) };
}

/** The official device decrypts a message from the Parley device. */
export async function officialOpen(to: OfficialDevice, from: ParleyDevice, message: WireMessage): Promise<string> {
  const address = toProtocolAddress(from.address);
  const body = toBuffer(message.body);
  const plaintext =
    message.type === 'prekey'
      ? await signalDecryptPreKey(
          PreKeySignalMessage.deserialize(body),
          address,
          to.sessions,
          to.identities,
          to.preKeys,
          to.signedPreKeys,
          to.kyberPreKeys,
        )
      : await signalDecrypt(SignalMessage.deserialize(body), address, to.sessions, to.identities);
  return plaintext.toString('utf8');
}

/** The Parley device encrypts `text` for the official device. */
export function parleySeal(from: ParleyDevice, to: OfficialDevice, text: string): Promise<EncryptedMessage> {
  return encrypt(from.store, toSignalAddress(to.address), encoder.encode(text));
}

/** The Parley device decrypts a message from the official device. */
export async function parleyOpen(to: ParleyDevice, from: OfficialDevice, message: WireMessage): Promise<string> {
  const result = await decrypt(to.store, toSignalAddress(from.address), message.type, message.body);
  if (result.identityChange !== null) throw new Error('unexpected identity change');
  return decoder.decode(result.plaintext);
}

/**
 * The chain counter of a whisper message, read by the official parser: 0 on the first message of a
 * new sending chain, i.e. right after a DH ratchet step.
 */
export function whisperCounter(message: WireMessage): number {
  if (message.type !== 'whisper') throw new Error('not a whisper message');
  return SignalMessage.deserialize(toBuffer(message.body)).counter();
}
