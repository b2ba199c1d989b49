// The two sender key messages, byte for byte as the official library writes them
// (libsignal rust/protocol/src/protocol.rs; proto/wire.proto):
//
//   SenderKeyMessage             = 0x33 || protobuf{1: distribution_uuid (16 bytes), 2: chain_id,
//                                  3: iteration, 4: ciphertext} || XEdDSA signature (64 bytes) over
//                                  everything before it, by the chain's signing key
//   SenderKeyDistributionMessage = 0x33 || protobuf{1: distribution_uuid, 2: chain_id, 3: iteration,
//                                  4: chain_key (32 bytes), 5: signing_key (33 bytes, 0x05 || X25519)}
import { isPublicKey, SIGNATURE_LENGTH } from '../keys-format.js';
import { distributionIdBytes, distributionIdFromBytes } from './distribution-id.js';
import { SENDER_KEY_VERSION, SENDER_KEY_VERSION_BYTE } from './limits.js';
import { type ProtobufFields, ProtobufWriter, readProtobuf } from './protobuf.js';

/** Why bytes are not a sender key message this code can read. */
export type WireFailure = 'invalid-message' | 'unsupported-version';

/** Thrown by the parsers; callers map `reason` onto their own errors. */
export class WireError extends Error {
  override readonly name = 'WireError';
  constructor(
    readonly reason: WireFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface SenderKeyMessageFields {
  readonly distributionId: string;
  readonly chainId: number;
  readonly iteration: number;
  readonly ciphertext: Uint8Array;
}

export interface ParsedSenderKeyMessage extends SenderKeyMessageFields {
  /** The signed part: the version byte and the protobuf. */
  readonly signed: Uint8Array;
  readonly signature: Uint8Array;
}

export interface SenderKeyDistributionFields {
  readonly distributionId: string;
  readonly chainId: number;
  readonly iteration: number;
  readonly chainKey: Uint8Array;
  readonly signingKey: Uint8Array;
}

const DISTRIBUTION_ID_BYTES = 16;
const CHAIN_KEY_BYTES = 32;

/** The signed part of a SenderKeyMessage (append the signature to get the message). */
export function encodeSenderKeyMessageBody(fields: SenderKeyMessageFields): Uint8Array<ArrayBuffer> {
  return new ProtobufWriter()
    .bytes(1, distributionIdBytes(fields.distributionId))
    .uint32(2, fields.chainId)
    .uint32(3, fields.iteration)
    .bytes(4, fields.ciphertext)
    .finish(SENDER_KEY_VERSION_BYTE);
}

export function encodeSenderKeyDistribution(fields: SenderKeyDistributionFields): Uint8Array<ArrayBuffer> {
  return new ProtobufWriter()
    .bytes(1, distributionIdBytes(fields.distributionId))
    .uint32(2, fields.chainId)
    .uint32(3, fields.iteration)
    .bytes(4, fields.chainKey)
    .bytes(5, fields.signingKey)
    .finish(SENDER_KEY_VERSION_BYTE);
}

/** The message version is the high nibble of the first byte; only version 3 exists. */
function checkVersion(bytes: Uint8Array): void {
  const version = bytes[0]! >> 4;
  if (version !== SENDER_KEY_VERSION) {
    throw new WireError('unsupported-version', `sender key message version ${version}, not ${SENDER_KEY_VERSION}`);
  }
}

function fieldsOf(body: Uint8Array): ProtobufFields {
  try {
    return readProtobuf(body);
  } catch (error) {
    throw new WireError('invalid-message', `malformed protobuf: ${(error as Error).message}`);
  }
}

function required<T>(map: Map<number, T>, field: number, name: string): T {
  const value = map.get(field);
  if (value === undefined) throw new WireError('invalid-message', `no ${name}`);
  return value;
}

function distributionIdOf(fields: ProtobufFields): string {
  const bytes = required(fields.bytes, 1, 'distribution id');
  if (bytes.byteLength !== DISTRIBUTION_ID_BYTES)
    throw new WireError('invalid-message', 'distribution id is not 16 bytes');
  return distributionIdFromBytes(bytes);
}

/** Parses a SenderKeyMessage without checking its signature. */
export function parseSenderKeyMessage(bytes: Uint8Array): ParsedSenderKeyMessage {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 1 + SIGNATURE_LENGTH) {
    throw new WireError('invalid-message', 'too short for a sender key message');
  }
  checkVersion(bytes);
  const signedLength = bytes.byteLength - SIGNATURE_LENGTH;
  const fields = fieldsOf(bytes.subarray(1, signedLength));
  return {
    distributionId: distributionIdOf(fields),
    chainId: required(fields.uint32, 2, 'chain id'),
    iteration: required(fields.uint32, 3, 'iteration'),
    ciphertext: required(fields.bytes, 4, 'ciphertext'),
    signed: bytes.subarray(0, signedLength),
    signature: bytes.subarray(signedLength),
  };
}

/** Parses a SenderKeyDistributionMessage, checking the chain key and signing key lengths. */
export function parseSenderKeyDistribution(bytes: Uint8Array): SenderKeyDistributionFields {
  // At least a version byte, a chain key and a public key, as the official parser requires.
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 1 + 32 + 32) {
    throw new WireError('invalid-message', 'too short for a sender key distribution message');
  }
  checkVersion(bytes);
  const fields = fieldsOf(bytes.subarray(1));
  const distributionId = distributionIdOf(fields);
  const chainId = required(fields.uint32, 2, 'chain id');
  const iteration = required(fields.uint32, 3, 'iteration');
  const chainKey = required(fields.bytes, 4, 'chain key');
  const signingKey = required(fields.bytes, 5, 'signing key');
  if (chainKey.byteLength !== CHAIN_KEY_BYTES) throw new WireError('invalid-message', 'chain key is not 32 bytes');
  if (!isPublicKey(signingKey)) throw new WireError('invalid-message', 'signing key is not a 33-byte Curve25519 key');
  return { distributionId, chainId, iteration, chainKey, signingKey };
}
