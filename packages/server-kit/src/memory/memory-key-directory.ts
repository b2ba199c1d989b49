import {
  type ClaimedBundle,
  checkUploadSize,
  type DeviceIdentity,
  type KeyDirectory,
  type PreKey,
  type SignedPreKey,
} from '../contracts/key-directory.js';
import type { DeviceAddress } from '../contracts/types.js';

interface DeviceKeys {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: SignedPreKey | undefined;
  lastResortPreKey: PreKey | undefined;
  /** Key id -> public key, in upload order (claims take the oldest first). */
  oneTime: Map<number, Uint8Array>;
}

const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);
const copyPreKey = (k: PreKey): PreKey => ({ keyId: k.keyId, publicKey: bytes(k.publicKey) });
const copySigned = (k: SignedPreKey): SignedPreKey => ({ ...copyPreKey(k), signature: bytes(k.signature) });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * An in-memory {@link KeyDirectory} for tests and single-process development. Every call runs in
 * one synchronous step, so claims are atomic without locks.
 */
export function memoryKeyDirectory(): KeyDirectory {
  const users = new Map<string, Map<number, DeviceKeys>>();
  const get = (device: DeviceAddress): DeviceKeys | undefined => users.get(device.userId)?.get(device.deviceId);

  return {
    async upload(device, keys) {
      checkUploadSize(keys);
      let stored = get(device);
      if (!stored || !sameBytes(stored.identityKey, keys.identityKey)) {
        // New device, or a new installation: whatever was stored belongs to lost private keys.
        stored = {
          registrationId: keys.registrationId,
          identityKey: bytes(keys.identityKey),
          signedPreKey: undefined,
          lastResortPreKey: undefined,
          oneTime: new Map(),
        };
        let devices = users.get(device.userId);
        if (!devices) {
          devices = new Map();
          users.set(device.userId, devices);
        }
        devices.set(device.deviceId, stored);
      }
      stored.registrationId = keys.registrationId;
      if (keys.signedPreKey) stored.signedPreKey = copySigned(keys.signedPreKey);
      if (keys.lastResortPreKey) stored.lastResortPreKey = copyPreKey(keys.lastResortPreKey);
      for (const k of keys.oneTimePreKeys) {
        if (!stored.oneTime.has(k.keyId)) stored.oneTime.set(k.keyId, bytes(k.publicKey));
      }
      return stored.oneTime.size;
    },

    async claimBundles(userId, deviceIds) {
      const devices = users.get(userId);
      if (!devices) return [];
      const ids = deviceIds === 'all' ? [...devices.keys()] : [...new Set(deviceIds)];
      const out: ClaimedBundle[] = [];
      for (const deviceId of ids.sort((a, b) => a - b)) {
        const stored = devices.get(deviceId);
        if (!stored?.signedPreKey) continue;
        let prekey: PreKey | undefined;
        let lastResort = false;
        const first = stored.oneTime.entries().next();
        if (!first.done) {
          const [keyId, publicKey] = first.value;
          // Removed in the same synchronous step that reads it: no other claim can see it.
          stored.oneTime.delete(keyId);
          prekey = { keyId, publicKey: bytes(publicKey) };
        } else if (stored.lastResortPreKey) {
          prekey = copyPreKey(stored.lastResortPreKey);
          lastResort = true;
        }
        out.push({
          deviceId,
          registrationId: stored.registrationId,
          identityKey: bytes(stored.identityKey),
          signedPreKey: copySigned(stored.signedPreKey),
          ...(prekey ? { prekey } : {}),
          lastResort,
          oneTimeRemaining: stored.oneTime.size,
        });
      }
      return out;
    },

    async count(device) {
      return get(device)?.oneTime.size ?? 0;
    },

    async identity(device: DeviceAddress): Promise<DeviceIdentity | undefined> {
      const stored = get(device);
      return stored ? { identityKey: bytes(stored.identityKey), registrationId: stored.registrationId } : undefined;
    },

    async remove(device) {
      const devices = users.get(device.userId);
      if (!devices) return;
      devices.delete(device.deviceId);
      if (devices.size === 0) users.delete(device.userId);
    },
  };
}
