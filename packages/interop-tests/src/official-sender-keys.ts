// The official library's sender key API, the same across releases: 0.72.1 (the pinned
// @signalapp/libsignal-client, last with X3DH without Kyber) and the current release (installed as
// `libsignal-client-current`). Typed structurally, with methods (bivariant parameters) so both
// modules fit although 0.72.1 takes Buffer and later releases take Uint8Array.
import * as pinned from '@signalapp/libsignal-client';
import * as current from 'libsignal-client-current';

interface OfficialAddress {
  name(): string;
  deviceId(): number;
}

interface OfficialRecord {
  serialize(): Uint8Array;
}

interface OfficialKey {
  serialize(): Uint8Array;
}

/** What the tests use of the official library. */
export interface SenderKeyLibrary {
  readonly ProtocolAddress: { 'new'(name: string, deviceId: number): OfficialAddress };
  readonly SenderKeyStore: abstract new () => {
    saveSenderKey(sender: OfficialAddress, distributionId: string, record: OfficialRecord): Promise<void>;
    getSenderKey(sender: OfficialAddress, distributionId: string): Promise<OfficialRecord | null>;
  };
  readonly SenderKeyRecord: { deserialize(bytes: Buffer<ArrayBuffer>): OfficialRecord };
  readonly SenderKeyDistributionMessage: {
    create(sender: OfficialAddress, distributionId: string, store: object): Promise<{ serialize(): Uint8Array }>;
    deserialize(bytes: Buffer<ArrayBuffer>): object;
  };
  readonly SenderKeyMessage: {
    deserialize(bytes: Buffer<ArrayBuffer>): {
      chainId(): number;
      iteration(): number;
      distributionId(): string;
      verifySignature(key: OfficialKey): boolean;
    };
  };
  readonly PublicKey: { deserialize(bytes: Buffer<ArrayBuffer>): OfficialKey };
  readonly PrivateKey: { deserialize(bytes: Buffer<ArrayBuffer>): { getPublicKey(): OfficialKey } };
  processSenderKeyDistributionMessage(sender: OfficialAddress, message: object, store: object): Promise<void>;
  groupEncrypt(
    sender: OfficialAddress,
    distributionId: string,
    store: object,
    message: Buffer<ArrayBuffer>,
  ): Promise<{ serialize(): Uint8Array }>;
  groupDecrypt(sender: OfficialAddress, store: object, message: Buffer<ArrayBuffer>): Promise<Uint8Array>;
}

/** The two official releases the sender key tests run against, by version. */
export const officialLibraries: ReadonlyArray<readonly [version: string, library: SenderKeyLibrary]> = [
  ['0.72.1', pinned],
  ['0.103.0', current],
];

/** Node Buffer from bytes (a copy), as both releases accept. */
const buffer = (bytes: Uint8Array): Buffer<ArrayBuffer> => Buffer.from(bytes);

/** A device on the official library with an in-memory sender key store (records kept serialized). */
export interface OfficialGroupDevice {
  readonly library: SenderKeyLibrary;
  readonly name: string;
  readonly deviceId: number;
  readonly address: OfficialAddress;
  readonly store: object;
  /** The serialized records, by `deviceId:name/distributionId`. */
  readonly records: Map<string, Uint8Array>;
}

export function createOfficialGroupDevice(
  library: SenderKeyLibrary,
  name: string,
  deviceId: number,
): OfficialGroupDevice {
  const records = new Map<string, Uint8Array>();
  const key = (sender: OfficialAddress, distributionId: string) =>
    `${sender.deviceId()}:${sender.name()}/${distributionId}`;
  class MemorySenderKeyStore extends library.SenderKeyStore {
    override async saveSenderKey(
      sender: OfficialAddress,
      distributionId: string,
      record: OfficialRecord,
    ): Promise<void> {
      records.set(key(sender, distributionId), record.serialize());
    }
    override async getSenderKey(sender: OfficialAddress, distributionId: string): Promise<OfficialRecord | null> {
      const bytes = records.get(key(sender, distributionId));
      return bytes ? library.SenderKeyRecord.deserialize(buffer(bytes)) : null;
    }
  }
  return {
    library,
    name,
    deviceId,
    address: library.ProtocolAddress.new(name, deviceId),
    store: new MemorySenderKeyStore(),
    records,
  };
}

/** The official device's SenderKeyDistributionMessage for the distribution (its key made on first use). */
export async function officialDistribution(device: OfficialGroupDevice, distributionId: string): Promise<Uint8Array> {
  const message = await device.library.SenderKeyDistributionMessage.create(
    device.address,
    distributionId,
    device.store,
  );
  return new Uint8Array(message.serialize());
}

/** The official device stores a sender's key from their distribution message. */
export async function officialProcess(
  device: OfficialGroupDevice,
  sender: { userId: string; deviceId: number },
  distribution: Uint8Array,
): Promise<void> {
  const { library } = device;
  await library.processSenderKeyDistributionMessage(
    library.ProtocolAddress.new(sender.userId, sender.deviceId),
    library.SenderKeyDistributionMessage.deserialize(buffer(distribution)),
    device.store,
  );
}

export async function officialGroupEncrypt(
  device: OfficialGroupDevice,
  distributionId: string,
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  const message = await device.library.groupEncrypt(device.address, distributionId, device.store, buffer(plaintext));
  return new Uint8Array(message.serialize());
}

export async function officialGroupDecrypt(
  device: OfficialGroupDevice,
  sender: { userId: string; deviceId: number },
  message: Uint8Array,
): Promise<Uint8Array> {
  const { library } = device;
  const sent = library.ProtocolAddress.new(sender.userId, sender.deviceId);
  return new Uint8Array(await library.groupDecrypt(sent, device.store, buffer(message)));
}

/** A protobuf field (uint32 as varint, bytes / nested message as length-delimited). */
function field(number: number, value: number | Uint8Array): number[] {
  const varint = (v: number): number[] => {
    const out: number[] = [];
    let rest = v >>> 0;
    while (rest > 0x7f) {
      out.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.push(rest);
    return out;
  };
  if (typeof value === 'number') return [...varint(number << 3), ...varint(value)];
  return [...varint((number << 3) | 2), ...varint(value.byteLength), ...value];
}

/**
 * Puts an own sender key with fixed material into the official device's store, as the official
 * record format (storage.proto SenderKeyRecordStructure) has it, so its output can be compared with
 * Parley's byte for byte.
 */
export function seedOfficialSenderKey(
  device: OfficialGroupDevice,
  distributionId: string,
  key: {
    chainId: number;
    iteration: number;
    chainKey: Uint8Array;
    signingPublicKey: Uint8Array;
    signingPrivateKey: Uint8Array;
  },
): void {
  const state = [
    ...field(1, key.chainId),
    ...field(2, new Uint8Array([...field(1, key.iteration), ...field(2, key.chainKey)])),
    ...field(3, new Uint8Array([...field(1, key.signingPublicKey), ...field(2, key.signingPrivateKey)])),
    ...field(5, 3),
  ];
  const record = new Uint8Array(field(1, new Uint8Array(state)));
  // Round-trip through the official parser, so a record it cannot read fails here.
  const parsed = device.library.SenderKeyRecord.deserialize(buffer(record));
  device.records.set(`${device.deviceId}:${device.name}/${distributionId}`, new Uint8Array(parsed.serialize()));
}

/** The public key (33 bytes) of a private key, computed by the official library. */
export function officialPublicKey(library: SenderKeyLibrary, privateKey: Uint8Array): Uint8Array {
  return new Uint8Array(library.PrivateKey.deserialize(buffer(privateKey)).getPublicKey().serialize());
}

/** Whether the official library accepts the message's signature by the public key. */
export function officialVerifies(library: SenderKeyLibrary, signingKey: Uint8Array, message: Uint8Array): boolean {
  return library.SenderKeyMessage.deserialize(buffer(message)).verifySignature(
    library.PublicKey.deserialize(buffer(signingKey)),
  );
}
