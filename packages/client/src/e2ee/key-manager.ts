import {
  generateDeviceKeys,
  generateLastResortPreKey,
  generatePreKeys,
  generateSignedPreKey,
  keysUpload,
  type LocalIdentity,
  type PreKeyRecord,
} from '@parley/core/crypto';
import { systemClock } from '../clock.js';
import type { ClientStore } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { listSignedPreKeys, txSignalStore } from './tx-signal-store.js';

const PREKEY_BATCH = 100;
const LOW_WATER = 20;
const LAST_RESORT_ID = 0xfffffe;
const SIGNED_PREKEY_ROTATION_MS = 7 * 24 * 60 * 60 * 1000;
/** Old signed prekeys stay for late prekey messages, this long after they were replaced. */
const SIGNED_PREKEY_GRACE_MS = 14 * 24 * 60 * 60 * 1000;

interface KeyMeta {
  nextPreKeyId: number;
  signedPreKeyId: number;
  uploaded: boolean;
}

type Upload = ReturnType<typeof keysUpload>;

/**
 * This device's Signal keys: creates the identity and prekeys on first use, publishes them,
 * replenishes one-time prekeys when the server runs low, and rotates the signed prekey weekly.
 */
export class KeyManager {
  constructor(
    private readonly store: ClientStore,
    private readonly upload: (body: Upload) => Promise<number>,
    private readonly count: () => Promise<number>,
    private readonly clock: () => number = () => systemClock.now(),
  ) {}

  async identity(): Promise<LocalIdentity> {
    return this.store.transaction(async (tx) => {
      const signal = txSignalStore(tx);
      const existing = await signal.getLocalIdentity();
      if (existing) return existing;
      const identity = await generateDeviceKeys();
      await signal.storeLocalIdentity(identity);
      return identity;
    });
  }

  /** Publishes keys if never done, tops up one-time prekeys, rotates the signed prekey. Idempotent. */
  async sync(): Promise<void> {
    const identity = await this.identity();
    const meta = await this.meta();
    const now = this.clock();
    const signed = await this.store.transaction((tx) => listSignedPreKeys(tx));
    const current = signed.find((s) => s.keyId === meta.signedPreKeyId);
    const rotate = !current || now - current.createdAt > SIGNED_PREKEY_ROTATION_MS;
    const remaining = meta.uploaded ? await this.count() : 0;
    if (meta.uploaded && !rotate && remaining >= LOW_WATER) return;

    const startId = meta.nextPreKeyId;
    const fresh = await generatePreKeys(startId, PREKEY_BATCH - Math.min(remaining, PREKEY_BATCH));
    const signedId = rotate ? meta.signedPreKeyId + 1 : meta.signedPreKeyId;
    const signedPreKey = rotate ? await generateSignedPreKey(identity.identityKeyPair, signedId, now) : current;
    const lastResort = await this.lastResort();
    if (!signedPreKey) throw new Error('unreachable: signed prekey missing');
    // Private halves are stored before the public halves are published: a peer may use them at once.
    await this.store.transaction(async (tx) => {
      const signal = txSignalStore(tx);
      for (const pk of fresh) await signal.storePreKey(pk);
      if (rotate) {
        await signal.storeSignedPreKey(signedPreKey);
        for (const old of signed) {
          if (old.keyId !== signedId && now - old.createdAt > SIGNED_PREKEY_GRACE_MS)
            await signal.removeSignedPreKey(old.keyId);
        }
      }
      await tx.put(NS.signalMeta, 'keys', { ...meta, nextPreKeyId: startId + fresh.length, signedPreKeyId: signedId });
    });
    await this.upload(keysUpload({ identity, signedPreKey, preKeys: fresh, lastResortPreKey: lastResort }));
    await this.store.transaction(async (tx) => {
      const latest = (await tx.get<KeyMeta>(NS.signalMeta, 'keys')) as KeyMeta;
      await tx.put(NS.signalMeta, 'keys', { ...latest, uploaded: true });
    });
  }

  private async meta(): Promise<KeyMeta> {
    return this.store.transaction(
      async (tx) =>
        (await tx.get<KeyMeta>(NS.signalMeta, 'keys')) ?? { nextPreKeyId: 1, signedPreKeyId: 0, uploaded: false },
    );
  }

  private async lastResort(): Promise<PreKeyRecord> {
    const existing = await this.store.transaction((tx) => txSignalStore(tx).loadPreKey(LAST_RESORT_ID));
    if (existing) return existing;
    const created = await generateLastResortPreKey(LAST_RESORT_ID);
    await this.store.transaction((tx) => txSignalStore(tx).storePreKey(created));
    return created;
  }
}
