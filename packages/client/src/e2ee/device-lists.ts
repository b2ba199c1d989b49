import { bytesEqual, type parley } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import type { DeviceListState } from '@parley/core/devices';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { NS } from '../stores/namespaces.js';
import { checkDeviceChain } from './device-chain-check.js';

/** A device this client may encrypt to and accept from: registered, and in the verified signed list. */
export interface KnownDevice {
  deviceId: number;
  registrationId: number;
  /** The Signal identity key the signed device list gives for the device. */
  identityKey: Uint8Array;
}

/** What the server answers for a user: its registered devices and the signed chain. */
export interface ServedDevices {
  devices: parley.v1.DeviceInfo.$Properties[];
  records: Uint8Array[];
}

/** A device the server lists (or that spoke) but no verified record vouches for. */
export interface DeviceFlag {
  userId: string;
  deviceId: number;
  reason: string;
}

export interface DeviceListEvents {
  /** The usable devices of a user changed (not raised for the first fetch of a user). */
  changed(event: { userId: string; deviceIds: number[]; added: number[]; removed: number[] }): void;
  /** The user's account key differs from the pinned one: compare safety numbers. */
  accountChanged(userId: string): void;
  flagged(flag: DeviceFlag): void;
}

/** What is stored per user. */
interface StoredList {
  /** The verified chain state, pinned on first contact; undefined while the user has none. */
  verified: DeviceListState | undefined;
  /** Devices the server registered, with their registration ids. */
  registered: Array<{ deviceId: number; registrationId: number }>;
  /** Device ids already flagged (each is raised once). */
  flagged: number[];
}

/**
 * The devices of each user this client talks to, each vouched for by the user's signed device list
 * (see docs/PROTOCOL.md, "Signed device lists"): a device counts only when the server registered it
 * AND a chain of records signed by the user's own devices lists it with its identity key. The chain
 * is pinned on first contact; a chain that does not extend it is refused, a new account key raises
 * `accountChanged`, and a registered device no record vouches for is flagged and never used.
 */
export class DeviceLists {
  private readonly cache = new Map<string, StoredList>();
  /** Refreshes run one at a time per user, so their events never interleave. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: ClientStore,
    private readonly fetch: (userId: string) => Promise<ServedDevices>,
    private readonly events: DeviceListEvents,
  ) {}

  /** The usable devices of a user (fetched once when unknown). */
  async get(userId: string): Promise<KnownDevice[]> {
    const stored = this.cache.get(userId) ?? (await this.store.transaction((tx) => loadList(tx, userId)));
    if (stored) {
      this.cache.set(userId, stored);
      return usable(stored);
    }
    return this.refresh(userId);
  }

  /** The verified state of a user's list (the pinned account key and devices), fetched when unknown. */
  async verified(userId: string): Promise<DeviceListState | undefined> {
    await this.get(userId);
    return this.cache.get(userId)?.verified;
  }

  /** Asks the server for the user's devices and chain, verifies, stores, and raises what changed. */
  async refresh(userId: string): Promise<KnownDevice[]> {
    const before = this.running.get(userId);
    let done = () => {};
    const tail = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.running.set(userId, tail);
    try {
      await before; // never rejects: each tail resolves when its refresh ends, either way
      return await this.refreshNow(userId);
    } finally {
      done();
      if (this.running.get(userId) === tail) this.running.delete(userId);
    }
  }

  /** A device we did not know spoke: refresh that user's list (the caller logs a failure). */
  async noteDevice(userId: string, deviceId: number): Promise<void> {
    const known = await this.get(userId);
    if (!known.some((d) => d.deviceId === deviceId)) await this.refresh(userId);
  }

  /** Inside a transaction: the verified identity key of a device, undefined when no record vouches for it. */
  async verifiedKey(tx: StoreTx, address: SignalAddress): Promise<Uint8Array | undefined> {
    const stored = await loadList(tx, address.userId);
    return stored?.verified?.devices.find((d) => d.deviceId === address.deviceId)?.identityKey;
  }

  /** Raises a flag about a device once (e.g. it sent something, or its bundle key does not match). */
  async flag(flag: DeviceFlag): Promise<void> {
    const raise = await this.store.transaction(async (tx) => {
      const stored = (await loadList(tx, flag.userId)) ?? { verified: undefined, registered: [], flagged: [] };
      if (stored.flagged.includes(flag.deviceId)) return false;
      const updated = { ...stored, flagged: [...stored.flagged, flag.deviceId].slice(-100) };
      await tx.put(NS.devices, flag.userId, updated);
      this.cache.set(flag.userId, updated);
      return true;
    });
    if (raise) this.events.flagged(flag);
  }

  private async refreshNow(userId: string): Promise<KnownDevice[]> {
    const served = await this.fetch(userId);
    const previous = this.cache.get(userId) ?? (await this.store.transaction((tx) => loadList(tx, userId)));
    const check = await checkDeviceChain(previous?.verified, served.records);
    const registered = served.devices
      .map((d) => ({ deviceId: d.deviceId ?? 0, registrationId: d.registrationId ?? 0 }))
      .sort((a, b) => a.deviceId - b.deviceId);
    const verified = check.kind === 'refused' ? previous?.verified : check.state;
    const flags: DeviceFlag[] = [];
    if (check.kind === 'refused') flags.push({ userId, deviceId: 0, reason: check.reason });
    for (const d of registered) {
      if (!verified?.devices.some((v) => v.deviceId === d.deviceId)) {
        flags.push({
          userId,
          deviceId: d.deviceId,
          reason: 'the server lists a device no signed record of the user added',
        });
      }
    }
    const alreadyFlagged = new Set(previous?.flagged ?? []);
    const fresh = flags.filter((f) => !alreadyFlagged.has(f.deviceId));
    const stored: StoredList = {
      verified,
      registered,
      flagged: [...alreadyFlagged, ...fresh.map((f) => f.deviceId)].slice(-100),
    };
    await this.store.transaction((tx) => tx.put(NS.devices, userId, stored));
    this.cache.set(userId, stored);
    const devices = usable(stored);
    // Events after the state behind them is stored.
    if (check.kind === 'account-changed') this.events.accountChanged(userId);
    for (const f of fresh) this.events.flagged(f);
    if (previous) {
      const before = usable(previous);
      const added = devices.filter((d) => !before.some((b) => sameDevice(b, d))).map((d) => d.deviceId);
      const removed = before.filter((b) => !devices.some((d) => sameDevice(b, d))).map((d) => d.deviceId);
      if (added.length || removed.length) {
        this.events.changed({ userId, deviceIds: devices.map((d) => d.deviceId), added, removed });
      }
    }
    return devices;
  }
}

async function loadList(tx: StoreTx, userId: string): Promise<StoredList | undefined> {
  const stored = await tx.get<StoredList | unknown[]>(NS.devices, userId);
  // A list cached before device lists were signed (a plain array) is fetched and verified again.
  return stored && !Array.isArray(stored) ? stored : undefined;
}

/** Registered (with keys published) and vouched for by the verified list. */
function usable(stored: StoredList): KnownDevice[] {
  const out: KnownDevice[] = [];
  for (const r of stored.registered) {
    const listed = stored.verified?.devices.find((d) => d.deviceId === r.deviceId);
    if (listed && r.registrationId !== 0) out.push({ ...r, identityKey: listed.identityKey });
  }
  return out;
}

const sameDevice = (a: KnownDevice, b: KnownDevice) =>
  a.deviceId === b.deviceId && a.registrationId === b.registrationId && bytesEqual(a.identityKey, b.identityKey);
