import type { parley } from '@parley/core';
import type { ClientStore } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';

export interface KnownDevice {
  deviceId: number;
  registrationId: number;
}

/**
 * The devices of each user this client talks to (those that published keys), cached in the store.
 * The server is the arbiter: a stale list shows up as DEVICES_MISMATCH and is refreshed.
 */
export class DeviceLists {
  private readonly cache = new Map<string, KnownDevice[]>();

  constructor(
    private readonly store: ClientStore,
    private readonly fetch: (userId: string) => Promise<parley.v1.DeviceInfo.$Properties[]>,
    private readonly onChanged: (userId: string, devices: KnownDevice[], previous: KnownDevice[] | undefined) => void,
  ) {}

  async get(userId: string): Promise<KnownDevice[]> {
    const cached =
      this.cache.get(userId) ?? (await this.store.transaction((tx) => tx.get<KnownDevice[]>(NS.devices, userId)));
    if (cached) {
      this.cache.set(userId, cached);
      return cached;
    }
    return this.refresh(userId);
  }

  /** Asks the server for the user's devices; raises onChanged when the list differs from the cached one. */
  async refresh(userId: string): Promise<KnownDevice[]> {
    const devices = (await this.fetch(userId))
      .filter((d) => (d.registrationId ?? 0) !== 0)
      .map((d) => ({ deviceId: d.deviceId ?? 0, registrationId: d.registrationId ?? 0 }))
      .sort((a, b) => a.deviceId - b.deviceId);
    const previous =
      this.cache.get(userId) ?? (await this.store.transaction((tx) => tx.get<KnownDevice[]>(NS.devices, userId)));
    await this.store.transaction((tx) => tx.put(NS.devices, userId, devices));
    this.cache.set(userId, devices);
    if (previous && !sameDevices(previous, devices)) this.onChanged(userId, devices, previous);
    return devices;
  }

  /** A device we did not know sent us something: refresh that user's list (the caller logs a failure). */
  async noteDevice(userId: string, deviceId: number): Promise<void> {
    const known = await this.get(userId);
    if (!known.some((d) => d.deviceId === deviceId)) await this.refresh(userId);
  }
}

function sameDevices(a: KnownDevice[], b: KnownDevice[]): boolean {
  return (
    a.length === b.length &&
    a.every((d, i) => d.deviceId === b[i]?.deviceId && d.registrationId === b[i]?.registrationId)
  );
}
