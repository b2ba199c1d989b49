// The official libsignal (@signalapp/libsignal-client, AGPL-3.0) for comparison. It is NOT a
// dependency of this package: it is loaded at run time from the private packages/interop-tests
// package when that package's dependencies are installed, and the benchmark runs without it otherwise.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { simple } from './measure.js';
import { alternating, message, type Suite } from './suite.js';

// The slice of the official API the benchmark uses (0.72.1), typed here so that this package does
// not need the library's types.
interface PublicKey {
  serialize(): Buffer;
}
interface PrivateKey {
  serialize(): Buffer;
  getPublicKey(): PublicKey;
  sign(message: Buffer): Buffer;
}
interface IdentityKeyPair {
  readonly publicKey: PublicKey;
  readonly privateKey: PrivateKey;
  serialize(): Buffer;
}
interface ProtocolAddress {
  name(): string;
  deviceId(): number;
}
interface Serializable {
  serialize(): Buffer;
}
interface CiphertextMessage {
  type(): number;
  serialize(): Buffer;
}
type AbstractClass = abstract new () => object;

interface OfficialLibrary {
  SessionStore: AbstractClass;
  IdentityKeyStore: AbstractClass;
  PreKeyStore: AbstractClass;
  SignedPreKeyStore: AbstractClass;
  KyberPreKeyStore: AbstractClass;
  IdentityKeyPair: { generate(): IdentityKeyPair };
  PrivateKey: { generate(): PrivateKey };
  PublicKey: { deserialize(bytes: Buffer): PublicKey };
  ProtocolAddress: { new: (name: string, deviceId: number) => ProtocolAddress };
  SessionRecord: { deserialize(bytes: Buffer): Serializable };
  PreKeyRecord: {
    new: (id: number, publicKey: PublicKey, privateKey: PrivateKey) => Serializable;
    deserialize(bytes: Buffer): Serializable;
  };
  SignedPreKeyRecord: {
    new: (id: number, timestamp: number, publicKey: PublicKey, privateKey: PrivateKey, sig: Buffer) => Serializable;
    deserialize(bytes: Buffer): Serializable;
  };
  PreKeyBundle: {
    new: (
      registrationId: number,
      deviceId: number,
      preKeyId: number | null,
      preKey: PublicKey | null,
      signedPreKeyId: number,
      signedPreKey: PublicKey,
      signature: Buffer,
      identityKey: PublicKey,
    ) => object;
  };
  PreKeySignalMessage: { deserialize(bytes: Buffer): object };
  SignalMessage: { deserialize(bytes: Buffer): object };
  processPreKeyBundle(bundle: object, address: ProtocolAddress, sessions: object, identities: object): Promise<void>;
  signalEncrypt(
    message: Buffer,
    address: ProtocolAddress,
    sessions: object,
    identities: object,
  ): Promise<CiphertextMessage>;
  signalDecrypt(message: object, address: ProtocolAddress, sessions: object, identities: object): Promise<Buffer>;
  signalDecryptPreKey(
    message: object,
    address: ProtocolAddress,
    sessions: object,
    identities: object,
    preKeys: object,
    signedPreKeys: object,
    kyberPreKeys: object,
  ): Promise<Buffer>;
}

const PREKEY_MESSAGE = 3;

/** A serialized ciphertext and its type, as it travels. */
interface Wire {
  readonly type: number;
  readonly body: Buffer;
}

export interface LoadedOfficial {
  readonly lib: OfficialLibrary;
  readonly version: string;
}

/** The official library from packages/interop-tests, or undefined when it is not installed there. */
export function loadOfficial(): LoadedOfficial | undefined {
  const interopTests = new URL('../../../../packages/interop-tests/', import.meta.url);
  // Checked first because pnpm's bin shims (tsx) set NODE_PATH to the store's hoisted modules, where
  // a require() would still find a copy after the package's own link is gone.
  if (!existsSync(new URL('node_modules/@signalapp/libsignal-client/package.json', interopTests))) return undefined;
  const require = createRequire(new URL('package.json', interopTests));
  try {
    const lib = require('@signalapp/libsignal-client') as OfficialLibrary;
    const { version } = require('@signalapp/libsignal-client/package.json') as { version: string };
    return { lib, version };
  } catch {
    return undefined;
  }
}

const key = (address: ProtocolAddress) => `${address.deviceId()}:${address.name()}`;

interface Device {
  readonly address: ProtocolAddress;
  readonly identity: IdentityKeyPair;
  readonly registrationId: number;
  readonly sessions: object;
  readonly identities: object;
  readonly preKeys: object & { records: Map<number, Buffer> };
  readonly signedPreKeys: object;
  readonly kyberPreKeys: object;
  readonly signedPreKey: { id: number; publicKey: PublicKey; signature: Buffer };
}

/** In-memory stores, records kept serialized as an app would persist them (Parley's store keeps strings). */
function deviceFactory(lib: OfficialLibrary) {
  class Sessions extends lib.SessionStore {
    readonly records = new Map<string, Buffer>();
    async saveSession(address: ProtocolAddress, record: Serializable) {
      this.records.set(key(address), record.serialize());
    }
    async getSession(address: ProtocolAddress) {
      const bytes = this.records.get(key(address));
      return bytes ? lib.SessionRecord.deserialize(bytes) : null;
    }
    async getExistingSessions(addresses: ProtocolAddress[]) {
      return addresses.map((address) => lib.SessionRecord.deserialize(this.records.get(key(address)) as Buffer));
    }
  }
  class Identities extends lib.IdentityKeyStore {
    readonly known = new Map<string, Buffer>();
    constructor(
      private readonly identity: IdentityKeyPair,
      private readonly registrationId: number,
    ) {
      super();
    }
    async getIdentityKey() {
      return this.identity.privateKey;
    }
    async getLocalRegistrationId() {
      return this.registrationId;
    }
    async saveIdentity(address: ProtocolAddress, publicKey: PublicKey) {
      const previous = this.known.get(key(address));
      const bytes = publicKey.serialize();
      this.known.set(key(address), bytes);
      return previous && !previous.equals(bytes) ? 1 : 0;
    }
    async isTrustedIdentity(address: ProtocolAddress, publicKey: PublicKey) {
      const known = this.known.get(key(address));
      return known === undefined || known.equals(publicKey.serialize());
    }
    async getIdentity(address: ProtocolAddress) {
      const bytes = this.known.get(key(address));
      return bytes ? lib.PublicKey.deserialize(bytes) : null;
    }
  }
  class PreKeys extends lib.PreKeyStore {
    readonly records = new Map<number, Buffer>();
    async savePreKey(id: number, record: Serializable) {
      this.records.set(id, record.serialize());
    }
    async getPreKey(id: number) {
      const bytes = this.records.get(id);
      if (!bytes) throw new Error(`no prekey ${id}`);
      return lib.PreKeyRecord.deserialize(bytes);
    }
    async removePreKey(id: number) {
      this.records.delete(id);
    }
  }
  class SignedPreKeys extends lib.SignedPreKeyStore {
    readonly records = new Map<number, Buffer>();
    async saveSignedPreKey(id: number, record: Serializable) {
      this.records.set(id, record.serialize());
    }
    async getSignedPreKey(id: number) {
      const bytes = this.records.get(id);
      if (!bytes) throw new Error(`no signed prekey ${id}`);
      return lib.SignedPreKeyRecord.deserialize(bytes);
    }
  }
  class NoKyber extends lib.KyberPreKeyStore {
    async saveKyberPreKey() {
      throw new Error('no Kyber prekeys (X3DH, message version 3)');
    }
    async getKyberPreKey() {
      throw new Error('no Kyber prekeys (X3DH, message version 3)');
    }
    async markKyberPreKeyUsed() {
      throw new Error('no Kyber prekeys (X3DH, message version 3)');
    }
  }

  let sequence = 0;
  return (name: string): Device => {
    const identity = lib.IdentityKeyPair.generate();
    const registrationId = 1 + (++sequence % 16383);
    const signedPrivate = lib.PrivateKey.generate();
    const signedPublic = signedPrivate.getPublicKey();
    const signature = identity.privateKey.sign(signedPublic.serialize());
    const signedPreKeys = new SignedPreKeys();
    signedPreKeys.records.set(
      1,
      lib.SignedPreKeyRecord.new(1, Date.now(), signedPublic, signedPrivate, signature).serialize(),
    );
    return {
      address: lib.ProtocolAddress.new(`${name}-${sequence}`, 1),
      identity,
      registrationId,
      sessions: new Sessions(),
      identities: new Identities(identity, registrationId),
      preKeys: new PreKeys(),
      signedPreKeys,
      kyberPreKeys: new NoKyber(),
      signedPreKey: { id: 1, publicKey: signedPublic, signature },
    };
  };
}

/** The official suite: the same operations as Parley's, on the official library. */
export async function officialSuite(lib: OfficialLibrary): Promise<Suite> {
  const payload = Buffer.from(message());
  const createDevice = deviceFactory(lib);
  const identity = lib.IdentityKeyPair.generate();

  let nextPreKeyId = 1;
  /** Bundles with fresh one-time prekeys of `to`. */
  const bundles = (to: Device, count: number): object[] => {
    const out: object[] = [];
    for (let i = 0; i < count; i++) {
      const id = nextPreKeyId++;
      const privateKey = lib.PrivateKey.generate();
      const publicKey = privateKey.getPublicKey();
      to.preKeys.records.set(id, lib.PreKeyRecord.new(id, publicKey, privateKey).serialize());
      out.push(
        lib.PreKeyBundle.new(
          to.registrationId,
          to.address.deviceId(),
          id,
          publicKey,
          to.signedPreKey.id,
          to.signedPreKey.publicKey,
          to.signedPreKey.signature,
          to.identity.publicKey,
        ),
      );
    }
    return out;
  };

  /** Encrypts and serializes: the bytes that go on the wire. */
  const encrypt = async (from: Device, to: Device, plaintext: Buffer): Promise<Wire> => {
    const m = await lib.signalEncrypt(plaintext, to.address, from.sessions, from.identities);
    return { type: m.type(), body: m.serialize() };
  };
  /** Parses the wire bytes and decrypts. */
  const decrypt = (to: Device, from: Device, { type, body }: Wire) => {
    return type === PREKEY_MESSAGE
      ? lib.signalDecryptPreKey(
          lib.PreKeySignalMessage.deserialize(body),
          from.address,
          to.sessions,
          to.identities,
          to.preKeys,
          to.signedPreKeys,
          to.kyberPreKeys,
        )
      : lib.signalDecrypt(lib.SignalMessage.deserialize(body), from.address, to.sessions, to.identities);
  };
  const send = async (from: Device, to: Device) => decrypt(to, from, await encrypt(from, to, payload));

  const bob = createDevice('bob');
  // Established pairs (the initiator started, the responder answered): one for the steady runs,
  // whose receiver never sees the steady-encrypt messages, and one for ping-pong.
  const establishedPair = async (): Promise<[Device, Device]> => {
    const initiator = createDevice('initiator');
    const responder = createDevice('responder');
    const [bundle] = bundles(responder, 1);
    await lib.processPreKeyBundle(bundle as object, responder.address, initiator.sessions, initiator.identities);
    await send(initiator, responder);
    await send(responder, initiator);
    return [initiator, responder];
  };
  const [alice, carol] = await establishedPair();
  const turns = alternating(...(await establishedPair()));

  let keyId = 1;
  return {
    identityKeys: simple(async () => {
      const pair = lib.IdentityKeyPair.generate();
      return [pair.serialize(), 1 + (keyId++ % 16383)];
    }),
    signedPreKey: simple(async () => {
      const privateKey = lib.PrivateKey.generate();
      const publicKey = privateKey.getPublicKey();
      const signature = identity.privateKey.sign(publicKey.serialize());
      return lib.SignedPreKeyRecord.new(keyId++, Date.now(), publicKey, privateKey, signature).serialize();
    }),
    oneTimePreKey: simple(async () => {
      const privateKey = lib.PrivateKey.generate();
      return lib.PreKeyRecord.new(keyId++, privateKey.getPublicKey(), privateKey).serialize();
    }),
    sessionSetup: {
      async prepare(count) {
        const fresh = bundles(bob, count);
        return fresh.map((bundle) => ({ initiator: createDevice('initiator'), bundle }));
      },
      async run(input) {
        const { initiator, bundle } = input as { initiator: Device; bundle: object };
        await lib.processPreKeyBundle(bundle, bob.address, initiator.sessions, initiator.identities);
        await send(initiator, bob);
      },
    },
    steadyEncrypt: simple(() => encrypt(alice, carol, payload)),
    steadyDecrypt: {
      async prepare(count) {
        const out: Wire[] = [];
        for (let i = 0; i < count; i++) out.push(await encrypt(carol, alice, payload));
        return out;
      },
      run: (m) => decrypt(alice, carol, m as Wire),
    },
    pingPong: simple(() => {
      const [from, to] = turns();
      return send(from, to);
    }),
  };
}
