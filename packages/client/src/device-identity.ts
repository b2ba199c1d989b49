import { generateAuthKeyPair, ParleyError } from '@parley/core';
import type { ClientStore } from './stores/client-store.js';
import { NS } from './stores/namespaces.js';

/** Who this client is: a device of a user, with the key it authenticates with. */
export interface DeviceIdentity {
  userId: string;
  deviceId: number;
  authPublicKey: Uint8Array;
  authPrivateKey: Uint8Array;
}

const KEY = 'self';

/** A random device id in [1, 2^31): unique per user without coordination. */
function randomDeviceId(): number {
  const n = new Uint32Array(1);
  globalThis.crypto.getRandomValues(n);
  return (n[0] ?? 1) & 0x7fffffff || 1;
}

/**
 * Loads the device identity from the store, creating it on first use. A store belongs to one
 * user's device for life: opening it as another user is refused.
 */
export async function loadOrCreateIdentity(
  store: ClientStore,
  userId: string,
  deviceId: number | undefined,
): Promise<DeviceIdentity> {
  const fresh = await generateAuthKeyPair();
  return store.transaction(async (tx) => {
    const existing = await tx.get<DeviceIdentity>(NS.device, KEY);
    if (existing) {
      if (existing.userId !== userId) {
        throw new ParleyError('STORE_FAILED', `this store belongs to user ${existing.userId}, not ${userId}`);
      }
      if (deviceId !== undefined && existing.deviceId !== deviceId) {
        throw new ParleyError('STORE_FAILED', `this store belongs to device ${existing.deviceId}, not ${deviceId}`);
      }
      return existing;
    }
    const identity: DeviceIdentity = {
      userId,
      deviceId: deviceId ?? randomDeviceId(),
      authPublicKey: fresh.publicKey,
      authPrivateKey: fresh.privateKey,
    };
    await tx.put(NS.device, KEY, identity);
    return identity;
  });
}
