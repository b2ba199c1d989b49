// A device on the official libsignal (@signalapp/libsignal-client, AGPL-3.0), with in-memory
// implementations of its store classes. Records are kept serialized, as a real app would persist
// them, so every call round-trips through the library's own encoding.
import {
  type Direction,
  IdentityChange,
  IdentityKeyPair,
  IdentityKeyStore,
  type KyberPreKeyRecord,
  KyberPreKeyStore,
  PreKeyBundle,
  PreKeyRecord,
  PreKeyStore,
  PrivateKey,
  ProtocolAddress,
  PublicKey,
  SessionRecord,
  SessionStore,
  SignedPreKeyRecord,
  SignedPreKeyStore,
} from '@signalapp/libsignal-client';

const addressKey = (address: ProtocolAddress): string => `${address.deviceId()}:${address.name()}`;

/** Sessions per address, stored serialized. */
export class MemorySessionStore extends SessionStore {
  readonly records = new Map<string, Buffer>();

  async saveSession(address: ProtocolAddress, record: SessionRecord): Promise<void> {
    this.records.set(addressKey(address), record.serialize());
  }

  async getSession(address: ProtocolAddress): Promise<SessionRecord | null> {
    const bytes = this.records.get(addressKey(address));
    return bytes ? SessionRecord.deserialize(bytes) : null;
  }

  async getExistingSessions(addresses: ProtocolAddress[]): Promise<SessionRecord[]> {
    return addresses.map((address) => {
      const bytes = this.records.get(addressKey(address));
      if (!bytes) throw new Error(`no session for ${addressKey(address)}`);
      return SessionRecord.deserialize(bytes);
    });
  }
}

/**
 * The local identity and the identity keys of peers. Trust on first use, and refuse a key that
 * differs from the one stored (the official default policy), so a test notices if a peer's key
 * changes unexpectedly.
 */
export class MemoryIdentityKeyStore extends IdentityKeyStore {
  readonly identities = new Map<string, Buffer>();

  constructor(
    readonly identity: IdentityKeyPair,
    readonly registrationId: number,
  ) {
    super();
  }

  async getIdentityKey(): Promise<PrivateKey> {
    return this.identity.privateKey;
  }

  async getLocalRegistrationId(): Promise<number> {
    return this.registrationId;
  }

  async saveIdentity(address: ProtocolAddress, key: PublicKey): Promise<IdentityChange> {
    const previous = this.identities.get(addressKey(address));
    this.identities.set(addressKey(address), key.serialize());
    return previous && !previous.equals(key.serialize())
      ? IdentityChange.ReplacedExisting
      : IdentityChange.NewOrUnchanged;
  }

  async isTrustedIdentity(address: ProtocolAddress, key: PublicKey, _direction: Direction): Promise<boolean> {
    const known = this.identities.get(addressKey(address));
    return known === undefined || known.equals(key.serialize());
  }

  async getIdentity(address: ProtocolAddress): Promise<PublicKey | null> {
    const bytes = this.identities.get(addressKey(address));
    return bytes ? PublicKey.deserialize(bytes) : null;
  }
}

export class MemoryPreKeyStore extends PreKeyStore {
  readonly records = new Map<number, Buffer>();

  async savePreKey(id: number, record: PreKeyRecord): Promise<void> {
    this.records.set(id, record.serialize());
  }

  async getPreKey(id: number): Promise<PreKeyRecord> {
    const bytes = this.records.get(id);
    if (!bytes) throw new Error(`no prekey ${id}`);
    return PreKeyRecord.deserialize(bytes);
  }

  async removePreKey(id: number): Promise<void> {
    this.records.delete(id);
  }
}

export class MemorySignedPreKeyStore extends SignedPreKeyStore {
  readonly records = new Map<number, Buffer>();

  async saveSignedPreKey(id: number, record: SignedPreKeyRecord): Promise<void> {
    this.records.set(id, record.serialize());
  }

  async getSignedPreKey(id: number): Promise<SignedPreKeyRecord> {
    const bytes = this.records.get(id);
    if (!bytes) throw new Error(`no signed prekey ${id}`);
    return SignedPreKeyRecord.deserialize(bytes);
  }
}

/** Parley speaks X3DH without Kyber (message version 3): a Kyber prekey must never be asked for. */
export class NoKyberPreKeyStore extends KyberPreKeyStore {
  async saveKyberPreKey(): Promise<void> {
    throw new Error('no Kyber prekeys in a version-3 session');
  }

  async getKyberPreKey(id: number): Promise<KyberPreKeyRecord> {
    throw new Error(`Kyber prekey ${id} asked for in a version-3 session`);
  }

  async markKyberPreKeyUsed(): Promise<void> {
    throw new Error('no Kyber prekeys in a version-3 session');
  }
}

export interface OfficialDevice {
  readonly address: ProtocolAddress;
  readonly identity: IdentityKeyPair;
  readonly registrationId: number;
  readonly sessions: MemorySessionStore;
  readonly identities: MemoryIdentityKeyStore;
  readonly preKeys: MemoryPreKeyStore;
  readonly signedPreKeys: MemorySignedPreKeyStore;
  readonly kyberPreKeys: NoKyberPreKeyStore;
  /** A bundle as a server would hand it out: the next one-time prekey, or none once they are used up. */
  bundle(): PreKeyBundle;
}

/**
 * An official-library device with an identity, a signed prekey (id 1) and `preKeyCount` one-time
 * prekeys (ids 1..n), all generated by the official library.
 */
export function createOfficialDevice(
  name: string,
  deviceId: number,
  registrationId: number,
  preKeyCount = 2,
): OfficialDevice {
  const identity = IdentityKeyPair.generate();
  const identities = new MemoryIdentityKeyStore(identity, registrationId);
  const preKeys = new MemoryPreKeyStore();
  const signedPreKeys = new MemorySignedPreKeyStore();
  const signedPrivate = PrivateKey.generate();
  const signedPublic = signedPrivate.getPublicKey();
  const signature = identity.privateKey.sign(signedPublic.serialize());
  const signedPreKeyId = 1;
  signedPreKeys.records.set(
    signedPreKeyId,
    SignedPreKeyRecord.new(signedPreKeyId, Date.now(), signedPublic, signedPrivate, signature).serialize(),
  );
  const unclaimed: PreKeyRecord[] = [];
  for (let id = 1; id <= preKeyCount; id++) {
    const privateKey = PrivateKey.generate();
    const record = PreKeyRecord.new(id, privateKey.getPublicKey(), privateKey);
    preKeys.records.set(id, record.serialize());
    unclaimed.push(record);
  }
  return {
    address: ProtocolAddress.new(name, deviceId),
    identity,
    registrationId,
    sessions: new MemorySessionStore(),
    identities,
    preKeys,
    signedPreKeys,
    kyberPreKeys: new NoKyberPreKeyStore(),
    bundle() {
      const preKey = unclaimed.shift();
      return PreKeyBundle.new(
        registrationId,
        deviceId,
        preKey ? preKey.id() : null,
        preKey ? preKey.publicKey() : null,
        signedPreKeyId,
        signedPublic,
        signature,
        identity.publicKey,
      );
    },
  };
}
