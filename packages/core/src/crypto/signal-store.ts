/**
 * A device's Signal address: one pairwise session per pair of devices. The same shape as the proto
 * `parley.v1.Address`, so a decoded address can be passed as is.
 */
export interface SignalAddress {
  readonly userId: string;
  readonly deviceId: number;
}

/**
 * A Curve25519 key pair in Signal's serialized form: `publicKey` is 33 bytes (0x05 || X25519 public
 * key), `privateKey` is the 32-byte clamped scalar.
 */
export interface KeyPair {
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}

/** This device's long-term identity: its identity key pair and its 14-bit registration id. */
export interface LocalIdentity {
  readonly identityKeyPair: KeyPair;
  /** 1..16383, chosen at registration; peers see it in prekey messages and `DeviceCopy`. */
  readonly registrationId: number;
}

/** A one-time prekey, or the last-resort prekey (`lastResort: true`), with its private half. */
export interface PreKeyRecord {
  readonly keyId: number;
  readonly keyPair: KeyPair;
  /** A last-resort prekey is handed out when one-time prekeys run out and is never consumed. */
  readonly lastResort: boolean;
}

/** A signed prekey with its private half and the identity key's XEdDSA signature over its public key. */
export interface SignedPreKeyRecord {
  readonly keyId: number;
  readonly keyPair: KeyPair;
  readonly signature: Uint8Array;
  /** Milliseconds since the epoch; the client rotates the signed prekey weekly. */
  readonly createdAt: number;
}

/**
 * Parley's storage for Signal state, implemented by the client over its transactional store.
 * Plain data in and out; every method is async.
 *
 * What every implementation must guarantee:
 * - Values are stored and returned as given: a load returns what the last store wrote (a copy the
 *   caller may keep), `undefined` when there is nothing. Removing something absent is a no-op.
 * - Sessions are kept per address (user id and device id together), as the opaque string the crypto
 *   functions hand over; never parse or rewrite it.
 * - `saveIdentity` stores the identity key for an address and answers whether it replaced a
 *   DIFFERENT key (false for the first key of an address and for the same key again).
 * - No method calls back into Parley's crypto functions (`encrypt`, `decrypt`, ...) with the same
 *   store: calls for one store and address run one at a time, so such a call would wait on itself.
 *
 * Atomicity: each crypto function writes only after its operation succeeded, in the order identity,
 * session, prekey removal. Call it inside the client's transaction (passing a store bound to that
 * transaction) to commit these writes together with the message they belong to.
 */
export interface SignalStore {
  /** This device's identity, or `undefined` before registration. */
  getLocalIdentity(): Promise<LocalIdentity | undefined>;
  storeLocalIdentity(identity: LocalIdentity): Promise<void>;

  /** The identity key (33 bytes) last saved for the address. */
  loadIdentity(address: SignalAddress): Promise<Uint8Array | undefined>;
  /** Saves the identity key of the address; true when it replaced a different key. */
  saveIdentity(address: SignalAddress, identityKey: Uint8Array): Promise<boolean>;

  loadPreKey(keyId: number): Promise<PreKeyRecord | undefined>;
  storePreKey(record: PreKeyRecord): Promise<void>;
  removePreKey(keyId: number): Promise<void>;

  loadSignedPreKey(keyId: number): Promise<SignedPreKeyRecord | undefined>;
  storeSignedPreKey(record: SignedPreKeyRecord): Promise<void>;
  removeSignedPreKey(keyId: number): Promise<void>;

  /** The serialized session record of the address. */
  loadSession(address: SignalAddress): Promise<string | undefined>;
  storeSession(address: SignalAddress, record: string): Promise<void>;
  removeSession(address: SignalAddress): Promise<void>;
}
