// Converters between Parley's plain-data shapes and the official library's classes. Both sides use
// Signal's serialized key forms: a public key is 33 bytes (0x05 || X25519), a signature 64 bytes.
import type { PreKeyBundle as ParleyBundle, SignalAddress, SignalMessageType } from '@parley/core/crypto';
import {
  CiphertextMessageType,
  PreKeyBundle as OfficialBundle,
  ProtocolAddress,
  PublicKey,
} from '@signalapp/libsignal-client';

/** Node Buffer from Parley bytes (a copy, never a view on Parley's buffers). */
export const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes);

/** Plain Uint8Array from a Buffer, so equality checks compare bytes and not classes. */
export const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

/** The official address of a Parley device: user id as the name, the same device id. */
export const toProtocolAddress = (address: SignalAddress): ProtocolAddress =>
  ProtocolAddress.new(address.userId, address.deviceId);

/** The Parley address of an official device. */
export const toSignalAddress = (address: ProtocolAddress): SignalAddress => ({
  userId: address.name(),
  deviceId: address.deviceId(),
});

/** A Parley bundle as the official library's PreKeyBundle (no Kyber prekey: X3DH, message version 3). */
export function toOfficialBundle(bundle: ParleyBundle, deviceId: number): OfficialBundle {
  return OfficialBundle.new(
    bundle.registrationId,
    deviceId,
    bundle.prekey ? bundle.prekey.keyId : null,
    bundle.prekey ? PublicKey.deserialize(toBuffer(bundle.prekey.publicKey)) : null,
    bundle.signedPrekey.keyId,
    PublicKey.deserialize(toBuffer(bundle.signedPrekey.publicKey)),
    toBuffer(bundle.signedPrekey.signature),
    PublicKey.deserialize(toBuffer(bundle.identityKey)),
  );
}

/** An official PreKeyBundle as Parley's plain data. */
export function toParleyBundle(bundle: OfficialBundle): ParleyBundle {
  const preKeyId = bundle.preKeyId();
  const preKey = bundle.preKeyPublic();
  return {
    registrationId: bundle.registrationId(),
    identityKey: toBytes(bundle.identityKey().serialize()),
    signedPrekey: {
      keyId: bundle.signedPreKeyId(),
      publicKey: toBytes(bundle.signedPreKeyPublic().serialize()),
      signature: toBytes(bundle.signedPreKeySignature()),
    },
    ...(preKeyId !== null && preKey !== null
      ? { prekey: { keyId: preKeyId, publicKey: toBytes(preKey.serialize()) } }
      : {}),
  };
}

/** Parley's message type of an official ciphertext type (Whisper = 2, PreKey = 3, like proto PayloadType). */
export function toParleyType(type: CiphertextMessageType): SignalMessageType {
  if (type === CiphertextMessageType.PreKey) return 'prekey';
  if (type === CiphertextMessageType.Whisper) return 'whisper';
  throw new Error(`not a pairwise Signal message type: ${type}`);
}
