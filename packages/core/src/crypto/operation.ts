// One crypto operation's view of a SignalStore, in the shape the Signal library calls (its
// StorageType), bound to one address. Reads go to the store; writes are held back and applied by
// `commit()` only once the library call has succeeded, so a message that fails to decrypt (a replay,
// a forgery, a corrupted record) leaves the store exactly as it was. Internal to crypto/.
import type { KeyPairType, StorageType } from '@privacyresearch/libsignal-protocol-typescript';
import { bytesEqual } from '../bytes.js';
import { ParleyError } from '../errors.js';
import { copyBytes, toArrayBuffer } from './buffers.js';
import type { KeyPair, LocalIdentity, SignalAddress, SignalStore } from './signal-store.js';

/** A remote identity key that replaced a different one; the client raises `identity:changed`. */
export interface IdentityChange {
  readonly address: SignalAddress;
  /** The key stored before; `null` when a concurrent writer replaced it unseen by this operation. */
  readonly previousIdentityKey: Uint8Array | null;
  readonly identityKey: Uint8Array;
}

const keyPairType = (k: KeyPair): KeyPairType => ({
  pubKey: toArrayBuffer(k.publicKey),
  privKey: toArrayBuffer(k.privateKey),
});

const isKeyId = (id: unknown): id is number => typeof id === 'number' && Number.isInteger(id) && id > 0;

/** Whether a stored record is something the library can read (JSON with a `sessions` object). */
function isReadableRecord(record: unknown): record is string {
  if (typeof record !== 'string') return false;
  try {
    const data: unknown = JSON.parse(record);
    if (typeof data !== 'object' || data === null) return false;
    const sessions = (data as { sessions?: unknown }).sessions;
    return typeof sessions === 'object' && sessions !== null && !Array.isArray(sessions);
  } catch {
    return false;
  }
}

/**
 * The largest session record (in UTF-16 code units, as stored) an operation loads. The patched library
 * keeps at most 128 skipped message keys per session and 40 archived sessions, so an honest record
 * stays far below this (a few KB; about 80 KB with 40 archived sessions). Parsing and rewriting a
 * larger one on every message is what a skipped-key attack aims at, so it is refused: treated as no
 * session, which a new session (an incoming prekey message, or startSession) replaces.
 */
export const MAX_SESSION_RECORD_CHARS = 256 * 1024;

const notUsed = (name: string) => (): Promise<never> =>
  Promise.reject(new Error(`${name} is not used by Parley's crypto functions`));

export class Operation {
  /** The first error a store call threw, if any: the operation then fails with STORE_FAILED. */
  storeError: unknown = undefined;
  /** The store had no session record for the address, or one that cannot be read. */
  sessionMissing = false;
  /** The record was refused for its size ({@link MAX_SESSION_RECORD_CHARS}); `sessionMissing` is set too. */
  sessionOversized = false;

  private local: LocalIdentity | undefined;
  private identityWrite: Uint8Array | undefined;
  private identityBefore: Uint8Array | undefined;
  private sessionWrite: string | undefined;
  private sessionRead: { record: string | undefined } | undefined;
  private readonly preKeyRemovals = new Set<number>();

  constructor(
    private readonly store: SignalStore,
    private readonly address: SignalAddress,
  ) {}

  /** Runs a store call, remembering a failure so it is reported as STORE_FAILED, not as bad input. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      this.storeError ??= error;
      throw error;
    }
  }

  async localIdentity(): Promise<LocalIdentity> {
    if (this.local) return this.local;
    const local = await this.call(() => this.store.getLocalIdentity());
    if (!local) throw new ParleyError('INTERNAL', 'the SignalStore has no local identity (register the device first)');
    this.local = local;
    return local;
  }

  /** The library-facing store. Identifiers the library passes are ignored: this operation has one address. */
  storage(): StorageType {
    return {
      getIdentityKeyPair: async () => keyPairType((await this.localIdentity()).identityKeyPair),
      getLocalRegistrationId: async () => (await this.localIdentity()).registrationId,
      // Trust on first use, and accept a changed key: saveIdentity notices the change and
      // commit() reports it, so the client can raise identity:changed instead of trusting silently.
      isTrustedIdentity: async () => true,
      saveIdentity: async (_address, identityKey) => this.saveIdentity(new Uint8Array(identityKey)),
      loadPreKey: async (keyId) => {
        if (!isKeyId(keyId) || this.preKeyRemovals.has(keyId)) return undefined;
        const record = await this.call(() => this.store.loadPreKey(keyId));
        return record && keyPairType(record.keyPair);
      },
      removePreKey: async (keyId) => {
        if (isKeyId(keyId)) this.preKeyRemovals.add(keyId);
      },
      loadSignedPreKey: async (keyId) => {
        if (typeof keyId !== 'number') return undefined;
        const record = await this.call(() => this.store.loadSignedPreKey(keyId));
        return record && keyPairType(record.keyPair);
      },
      loadSession: async () => this.loadSession(),
      storeSession: async (_address, record) => {
        this.sessionWrite = record;
      },
      storePreKey: notUsed('storePreKey'),
      storeSignedPreKey: notUsed('storeSignedPreKey'),
      removeSignedPreKey: notUsed('removeSignedPreKey'),
    };
  }

  async loadSession(): Promise<string | undefined> {
    if (this.sessionWrite !== undefined) return this.sessionWrite;
    if (!this.sessionRead) {
      const record = await this.call(() => this.store.loadSession(this.address));
      // Missing, or unreadable: treat as no session. A new session (startSession, or an incoming
      // prekey message) then replaces an unreadable record instead of failing on it forever.
      this.sessionOversized = typeof record === 'string' && record.length > MAX_SESSION_RECORD_CHARS;
      this.sessionRead = { record: !this.sessionOversized && isReadableRecord(record) ? record : undefined };
      this.sessionMissing = this.sessionRead.record === undefined;
    }
    return this.sessionRead.record;
  }

  private async saveIdentity(identityKey: Uint8Array): Promise<boolean> {
    const current = this.identityWrite ?? (await this.call(() => this.store.loadIdentity(this.address)));
    if (current && bytesEqual(current, identityKey)) return false;
    if (this.identityWrite === undefined) this.identityBefore = current;
    this.identityWrite = copyBytes(identityKey);
    return current !== undefined;
  }

  /**
   * Applies the held-back writes in the order identity, session, prekey removal (a last-resort prekey
   * is never removed) and returns the identity change, if any.
   */
  async commit(): Promise<IdentityChange | null> {
    let change: IdentityChange | null = null;
    const identityKey = this.identityWrite;
    if (identityKey) {
      const replaced = await this.call(() => this.store.saveIdentity(this.address, identityKey));
      if (replaced || this.identityBefore) {
        change = {
          address: { userId: this.address.userId, deviceId: this.address.deviceId },
          previousIdentityKey: this.identityBefore ? copyBytes(this.identityBefore) : null,
          identityKey: copyBytes(identityKey),
        };
      }
    }
    const record = this.sessionWrite;
    if (record !== undefined) await this.call(() => this.store.storeSession(this.address, record));
    for (const keyId of this.preKeyRemovals) {
      const preKey = await this.call(() => this.store.loadPreKey(keyId));
      if (preKey && !preKey.lastResort) await this.call(() => this.store.removePreKey(keyId));
    }
    return change;
  }
}
