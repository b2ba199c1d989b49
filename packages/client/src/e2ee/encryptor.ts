import { isParleyError, type parley } from '@parley/core';
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
import type { DeviceLists } from './device-lists.js';
import { txSignalStore } from './tx-signal-store.js';

export type AddressedBundle = PreKeyBundle & { address: SignalAddress };

export interface EncryptorOptions {
  store: ClientStore;
  self: SignalAddress;
  lists: DeviceLists;
  /** Claims prekey bundles of some devices of a user (KeysFetch). */
  fetchBundles(userId: string, deviceIds: number[]): Promise<AddressedBundle[]>;
  onIdentityChanged(change: IdentityChange): void;
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
    targets: SignalAddress[],
    content: Uint8Array,
    alsoWrite: (tx: StoreTx, copies: Copy[]) => Promise<void>,
    options: { rebuild?: SignalAddress[] } = {},
  ): Promise<Copy[]> {
    const rebuild = options.rebuild ?? [];
    const present = await this.o.store.transaction((tx) => {
      const signal = txSignalStore(tx);
      return Promise.all(targets.map((t) => hasSession(signal, t)));
    });
    const need = targets.filter((t, i) => !present[i] || rebuild.some((r) => same(r, t)));
    const bundles = await this.claim(need);
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

  private async claim(addresses: SignalAddress[]): Promise<AddressedBundle[]> {
    const byUser = new Map<string, number[]>();
    for (const a of addresses) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a.deviceId]);
    const out: AddressedBundle[] = [];
    for (const [userId, deviceIds] of byUser) out.push(...(await this.o.fetchBundles(userId, deviceIds)));
    return out;
  }
}
