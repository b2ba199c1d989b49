import { bytesEqual, isParleyError, type parley } from '@parley/core';
import {
  deleteSession,
  encrypt,
  hasSession,
  type IdentityChange,
  type PreKeyBundle,
  padContent,
  type SignalAddress,
  startSession,
  toPayloadType,
} from '@parley/core/crypto';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import type { DeviceFlag, DeviceLists } from './device-lists.js';
import { addressKey, txSignalStore } from './tx-signal-store.js';

export type AddressedBundle = PreKeyBundle & { address: SignalAddress };

export interface EncryptorOptions {
  store: ClientStore;
  self: SignalAddress;
  lists: DeviceLists;
  /** Claims prekey bundles of some devices of a user (KeysFetch). */
  fetchBundles(userId: string, deviceIds: number[]): Promise<AddressedBundle[]>;
  onIdentityChanged(change: IdentityChange): void;
  /** A bundle whose identity key is not the verified one (refused). */
  flagged(flag: DeviceFlag): void;
}

type Copy = parley.v1.DeviceCopy.$Properties;

const same = (a: SignalAddress, b: SignalAddress) => a.userId === b.userId && a.deviceId === b.deviceId;

/**
 * Turns one plaintext into a copy per device: starts the sessions that are missing from freshly
 * claimed prekey bundles, then encrypts (padded) for every device, all in one store transaction
 * together with whatever the caller writes about the message.
 */
export class Encryptor {
  constructor(private readonly o: EncryptorOptions) {}

  /** The devices a message to `to` goes to: all of theirs and our own other ones, with keys. */
  async targets(to: string): Promise<SignalAddress[]> {
    const [theirs, ours] = await Promise.all([
      this.o.lists.get(to),
      to === this.o.self.userId ? [] : this.o.lists.get(this.o.self.userId),
    ]);
    const out = theirs.map((d) => ({ userId: to, deviceId: d.deviceId }));
    for (const d of ours) out.push({ userId: this.o.self.userId, deviceId: d.deviceId });
    return out.filter((a) => !same(a, this.o.self));
  }

  async encrypt(
    requested: SignalAddress[],
    content: Uint8Array,
    alsoWrite: (tx: StoreTx, copies: Copy[]) => Promise<void>,
    options: { rebuild?: SignalAddress[] } = {},
  ): Promise<Copy[]> {
    // Only devices the user's signed device list vouches for, under the key it gives.
    let keys = await this.verifiedKeys(requested);
    const targets = requested.filter((t) => keys.has(addressKey(t)));
    const rebuild = [...(options.rebuild ?? [])];
    const present = await this.o.store.transaction((tx) => {
      const signal = txSignalStore(tx);
      return Promise.all(
        targets.map(async (t) => {
          const known = await signal.loadIdentity(t);
          // A session under a key the list does not give is started again from a fresh bundle.
          if (known && !bytesEqual(known, keys.get(addressKey(t)) as Uint8Array)) rebuild.push(t);
          return hasSession(signal, t);
        }),
      );
    });
    const need = targets.filter((t, i) => !present[i] || rebuild.some((r) => same(r, t)));
    const claimed = await this.claim(need);
    const matches = (b: AddressedBundle) => {
      const expected = keys.get(addressKey(b.address));
      return expected !== undefined && bytesEqual(expected, b.identityKey);
    };
    const stale = new Set(claimed.filter((b) => !matches(b)).map((b) => b.address.userId));
    if (stale.size > 0) {
      // A new key may come with a new signed list (the user started anew): check the latest one.
      for (const userId of stale) await this.o.lists.refresh(userId);
      keys = await this.verifiedKeys(requested);
    }
    const bundles = claimed.filter((b) => {
      if (matches(b)) return true;
      this.o.flagged({
        userId: b.address.userId,
        deviceId: b.address.deviceId,
        reason: 'the server handed out a bundle under an identity key the signed device list does not give',
      });
      return false;
    });
    const plaintext = padContent(content);
    const changes: IdentityChange[] = [];
    const copies = await this.o.store.transaction(async (tx) => {
      const signal = txSignalStore(tx);
      for (const r of rebuild) await deleteSession(signal, r);
      for (const bundle of bundles) {
        try {
          const { identityChange } = await startSession(signal, bundle.address, bundle);
          if (identityChange) changes.push(identityChange);
        } catch (error) {
          // A bundle with a bad signature is skipped: the device stays without a copy and the
          // server's device check reports it, rather than encrypting to a key we cannot trust.
          if (!isParleyError(error) || error.code === 'STORE_FAILED') throw error;
        }
      }
      const out: Copy[] = [];
      for (const address of targets) {
        if (!(await hasSession(signal, address))) continue;
        const message = await encrypt(signal, address, plaintext);
        out.push({
          to: { userId: address.userId, deviceId: address.deviceId },
          registrationId: message.registrationId,
          payload: { type: toPayloadType(message.type), data: message.body },
        });
      }
      await alsoWrite(tx, out);
      return out;
    });
    for (const change of changes) this.o.onIdentityChanged(change);
    return copies;
  }

  /** The verified identity key of each requested device that has one, by address key. */
  private async verifiedKeys(addresses: SignalAddress[]): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const userId of new Set(addresses.map((a) => a.userId))) {
      for (const d of await this.o.lists.get(userId))
        out.set(addressKey({ userId, deviceId: d.deviceId }), d.identityKey);
    }
    return out;
  }

  private async claim(addresses: SignalAddress[]): Promise<AddressedBundle[]> {
    const byUser = new Map<string, number[]>();
    for (const a of addresses) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a.deviceId]);
    const out: AddressedBundle[] = [];
    for (const [userId, deviceIds] of byUser) out.push(...(await this.o.fetchBundles(userId, deviceIds)));
    return out;
  }
}
