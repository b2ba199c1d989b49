import type { ServerFrameInit } from '@parley/core';
import { recentEntriesOf } from '../cluster/recent-entries.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { QueueEntry } from '../contracts/offline-queue.js';
import type { ServerStores } from '../contracts/stores.js';
import { type Clock, type DeviceAddress, deviceKey } from '../contracts/types.js';
import type { Deliveries, StoredEntry } from '../messages/queue-ports.js';
import type { PushCoalescer } from '../push/push-coalescer.js';
import { CloseReasons, type Connection } from './connection.js';
import { DeliveryPump, type DeliveryPumpSettings } from './delivery-pump.js';
import { DevicesByUser } from './devices-by-user.js';
import type { DeviceNote, GatewayNotes } from './gateway-notes.js';

/** What {@link LiveDevices} needs. */
export interface LiveDevicesPorts {
  gatewayId: string;
  stores: Pick<ServerStores, 'directory' | 'queue'>;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
  notes: Pick<GatewayNotes, 'send'>;
  push?: PushCoalescer | undefined;
  /** Presence hears of devices coming (after the connection is ready) and going. */
  presence: {
    connected(device: DeviceAddress): void;
    closed(connection: Connection, wasLive: boolean): void;
  };
}

/**
 * The devices connected to this gateway, each with its live connection and delivery pump. Takes
 * newly stored entries (delivering them to local devices, nudging the gateways of the others) and
 * the notes other gateways send.
 */
export class LiveDevices implements Deliveries {
  /** Device -> its delivery pump, which holds its live connection (no object around the two). */
  private readonly live = new DevicesByUser<DeliveryPump>(
    (pump) => (pump.connection.address as DeviceAddress).deviceId,
  );
  /** Devices held elsewhere nudged during this tick, with the entries to tell their gateway. */
  private readonly remoteNudges = new Map<string, { device: DeviceAddress; entries: QueueEntry[] }>();
  /** One settings object for every pump here: an idle connection should cost as little as it can. */
  private readonly pumpSettings: DeliveryPumpSettings;

  constructor(private readonly o: LiveDevicesPorts) {
    this.pumpSettings = {
      queue: o.stores.queue,
      window: o.limits.deliveryWindow,
      maxFrameBytes: o.limits.maxFrameBytes,
      // Half the limit: room for replies, receipts and pings written meanwhile.
      maxUnsentBytes: o.limits.maxBufferedBytes / 2,
      logger: o.logger,
    };
  }

  /** How many devices are connected here. */
  get size(): number {
    return this.live.size;
  }

  /** The live connection of every device connected here. */
  *connections(): Generator<Connection> {
    for (const pump of this.live.values()) yield pump.connection;
  }

  /** The live connections of a user's devices here. */
  connectionsOf(userId: string): Connection[] {
    return this.live.ofUser(userId).map((pump) => pump.connection);
  }

  /** The connection `id` when it is the live connection of `device` here. */
  connectionOf(device: DeviceAddress, id: string): Connection | undefined {
    const connection = this.live.get(device)?.connection;
    return connection?.id === id ? connection : undefined;
  }

  /** The delivery pump of a device connected here. */
  pumpOf(device: DeviceAddress): DeliveryPump | undefined {
    return this.live.get(device);
  }

  /**
   * A connection authenticated as `device`: claims the device in the directory, kicks an older
   * connection of it here or elsewhere and makes this one live. Returns the queue size for Welcome
   * and a `start` that begins deliveries once Welcome is on the wire.
   */
  async attach(connection: Connection, device: DeviceAddress): Promise<{ pending: number; start(): void }> {
    const location = { gatewayId: this.o.gatewayId, connectionId: connection.id };
    // Store work first: if it fails, the handshake answers UNAVAILABLE and nothing is half set up.
    const [elsewhere, pending] = await Promise.all([
      this.o.stores.directory.claim(device, location, directoryTtl(this.o.limits)),
      // The queue's store may be down while the device could still log in (issue 14): Welcome then
      // says 0 pending, and the pump's failed reads retry on their timer until it is back.
      this.o.stores.queue.count(device).catch((error: unknown) => {
        this.o.logger.warn('counting the queue at login failed; Welcome says 0 pending', {
          ...device,
          error: String(error),
        });
        return 0;
      }),
    ]);
    if (!connection.isOpen) {
      await this.o.stores.directory.release(device, connection.id);
      return { pending, start: () => {} };
    }
    if (elsewhere && elsewhere.gatewayId !== this.o.gatewayId) {
      this.o.notes.send(elsewhere.gatewayId, { kind: 'kick', device, connectionId: elsewhere.connectionId });
    }
    const previous = this.live.get(device);
    if (previous) previous.connection.close(CloseReasons.CLOSE_REASON_REPLACED, 'the device connected again');
    connection.address = device;
    this.o.push?.cancel(device); // it gets its messages live now
    connection.state = 'ready';
    connection.lastClaimAt = this.o.clock();
    const pump = new DeliveryPump(this.pumpSettings, connection);
    this.live.set(device, pump);
    this.o.presence.connected(device);
    return { pending, start: () => pump.nudge() };
  }

  /** A connection closed: when it was its device's live one, the device is gone from here. */
  detach(connection: Connection): void {
    const device = connection.address;
    if (!device) return;
    const current = this.live.get(device);
    const wasLive = current?.connection === connection;
    if (current && wasLive) {
      current.stop();
      this.live.delete(device);
      void this.o.stores.directory
        .release(device, connection.id)
        .catch((error: unknown) => this.o.logger.warn('directory release failed', { error: String(error) }));
    }
    // After the device is gone from here: typing asks which of the user's connections are left.
    this.o.presence.closed(connection, wasLive);
  }

  /** Staged entries (not durable yet): devices connected here take them now; returns the rest. */
  staged(entries: StoredEntry[]): StoredEntry[] {
    const rest: StoredEntry[] = [];
    for (const entry of entries) {
      const local = this.live.get(entry.device);
      if (local) local.offer(entry);
      else rest.push(entry);
    }
    return rest;
  }

  /** New entries: local connections may take them directly, others are nudged. */
  stored(entries: StoredEntry[]): void {
    if (!this.o.stores.queue.commitOrdered) {
      this.nudge(entries.map((e) => e.device));
      return;
    }
    const remote: DeviceAddress[] = [];
    for (const entry of entries) {
      const local = this.live.get(entry.device);
      if (local) local.offer(entry);
      else remote.push(entry.device);
    }
    if (remote.length > 0) this.nudge(remote);
  }

  /**
   * Tells whoever holds these devices that their queues have news. Devices held elsewhere are
   * looked up together at the end of the tick (a group commit releases many senders at once: one
   * directory round trip for all of them). A note to another gateway carries the entries this
   * gateway just committed for the device when the queue remembers them (see RecentEntriesPort),
   * so that gateway need not read them back.
   */
  nudge(devices: DeviceAddress[]): void {
    const recent = recentEntriesOf(this.o.stores.queue);
    for (const device of devices) {
      const local = this.live.get(device);
      if (local) {
        local.nudge();
        continue;
      }
      const key = deviceKey(device);
      // Taken now: each entry is handed on by the first nudge after its commit.
      const taken = recent?.takeRecent(device) ?? [];
      const waiting = this.remoteNudges.get(key);
      if (waiting) {
        waiting.entries.push(...taken);
        continue;
      }
      if (this.remoteNudges.size === 0) process.nextTick(() => this.sendRemoteNudges());
      this.remoteNudges.set(key, { device, entries: taken });
    }
  }

  /** Looks up the devices nudged during this tick and sends each gateway holding one its note. */
  private sendRemoteNudges(): void {
    const targets = [...this.remoteNudges.values()];
    this.remoteNudges.clear();
    if (targets.length === 0) return;
    void this.o.stores.directory
      .lookup(targets.map((t) => t.device))
      .then((locations) => {
        locations.forEach((location, i) => {
          const target = targets[i];
          if (!target) return;
          const { device } = target;
          if (!location) {
            // No live connection anywhere: wake the device (coalesced; content-free). Every gateway is
            // also told, in case the directory lost the entry of a device that is connected after all.
            void this.o.push
              ?.notify(device, { count: 1 })
              .catch((error: unknown) => this.o.logger.warn('push notify failed', { error: String(error) }));
            this.o.notes.send('all', { kind: 'nudge', device });
            return;
          }
          if (location.gatewayId === this.o.gatewayId) return;
          // Batches may have reported their commits out of seq order.
          const entries = withinNoteBudget(target.entries.sort((a, b) => a.seq - b.seq));
          this.o.notes.send(location.gatewayId, { kind: 'nudge', device, ...(entries ? { entries } : {}) });
        });
      })
      .catch((error: unknown) => this.o.logger.warn('directory lookup failed', { error: String(error) }));
  }

  /**
   * Sends a push to a device if it is connected to this gateway; otherwise drops it. For pushes
   * whose loss is harmless (the client asks again on connect).
   */
  pushToLocal(device: DeviceAddress, body: Omit<ServerFrameInit, 'requestId'>): boolean {
    return this.live.get(device)?.connection.send(body) ?? false;
  }

  /** A note from another gateway about a device that may be connected here. */
  onNote(note: DeviceNote): void {
    const local = this.live.get(note.device);
    if (!local) return;
    if (note.kind === 'nudge') {
      // Entries told are remembered for the pump's next read; a note without them means news this
      // gateway does not know, so that read must go to the queue.
      const recent = recentEntriesOf(this.o.stores.queue);
      if (note.entries && note.entries.length > 0) recent?.remember(note.device, note.entries);
      else recent?.forget(note.device);
      local.nudge();
    } else if (local.connection.id === note.connectionId) {
      local.connection.close(CloseReasons.CLOSE_REASON_REPLACED, 'the device connected to another gateway');
    }
  }
}

/** Most entry bytes one nudge note carries; beyond it the note goes without them (the receiver reads). */
const MAX_NOTE_ENTRY_BYTES = 64 << 10;

function withinNoteBudget(entries: QueueEntry[]): QueueEntry[] | undefined {
  if (entries.length === 0) return undefined;
  let bytes = 0;
  for (const e of entries) bytes += e.data.byteLength + (e.shared?.byteLength ?? 0) + e.id.length + 16;
  return bytes <= MAX_NOTE_ENTRY_BYTES ? entries : undefined;
}

/** How long a directory claim lasts; live connections renew it well before (see directory-sweep.ts). */
export function directoryTtl(limits: Pick<ServerLimits, 'idleTimeoutMs'>): number {
  return limits.idleTimeoutMs * 2;
}
