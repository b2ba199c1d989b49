import { ParleyError, type parley } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import type { PresenceStore } from '../contracts/presence-store.js';
import type { SetTimer } from '../contracts/timer.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import { isValidUserId } from '../router/request-checks.js';
import type { LiveConnection } from './live-connection.js';
import type { PresenceCluster } from './presence-cluster.js';
import { canSeePresence, type PresencePolicyDeps } from './presence-policy.js';
import { type PresenceState, type PresenceTracker, presenceTracker } from './presence-tracker.js';

/** Most user ids one PresenceSubscribe / PresenceUnsubscribe / SetContacts names. */
export const MAX_PRESENCE_IDS = 1_000;
/** Most users one connection may be subscribed to at once (default of `ServerLimits.maxPresenceSubscriptionsPerConnection`). */
export const MAX_PRESENCE_SUBSCRIPTIONS = 1_000;
/** Most subscriptions of one user's connections together (default of `ServerLimits.maxPresenceSubscriptionsPerUser`). */
export const MAX_PRESENCE_SUBSCRIPTIONS_PER_USER = 2_000;

export interface PresenceHandlerOptions {
  store: PresenceStore;
  clock: Clock;
  logger: Logger;
  /** Coalescing interval of presence changes (ms). */
  coalesceMs?: number;
  setTimer?: SetTimer;
  /** Contacts/settings source for the policy; default the store's. */
  policy?: PresencePolicyDeps;
  /** The other gateways of a cluster: local changes are published, theirs are combined in. */
  cluster?: PresenceCluster;
  /** Most users one connection may be subscribed to; default {@link MAX_PRESENCE_SUBSCRIPTIONS}. */
  maxSubscriptionsPerConnection?: number;
  /** Most subscriptions of one user's connections here together; default {@link MAX_PRESENCE_SUBSCRIPTIONS_PER_USER}. */
  maxSubscriptionsPerUser?: number;
}

interface Subscription {
  viewerId: string;
  users: Set<string>;
}

/**
 * Presence for the connections of one gateway: tracks which devices are online (through a
 * {@link PresenceTracker}), answers subscriptions with a snapshot and pushes coalesced changes,
 * enforcing the privacy policy on every snapshot and every change (settings can change at any time).
 *
 * With a {@link PresenceCluster}, a user online on another gateway is online here too, and the
 * other gateways' changes reach this one's subscribers through {@link PresenceHandler.remoteChanged}.
 */
export class PresenceHandler {
  private readonly tracker: PresenceTracker;
  private readonly policy: PresencePolicyDeps;
  /** Viewer connection -> what it subscribed to. */
  private readonly subscriptions = new Map<LiveConnection, Subscription>();
  /** Subject user -> connections subscribed to them. */
  private readonly subscribers = new Map<string, Set<LiveConnection>>();
  /** Viewer user -> subscriptions of all its connections here (the per-user cap). */
  private readonly perViewer = new Map<string, number>();

  constructor(private readonly o: PresenceHandlerOptions) {
    this.policy = o.policy ?? {
      settingsOf: (userId) => o.store.settings(userId),
      isContact: (ownerId, otherId) => o.store.isContact(ownerId, otherId),
    };
    this.tracker = presenceTracker({
      store: o.store,
      onChange: (userId, state) => {
        const combined = o.cluster ? o.cluster.localChanged(userId, state) : state;
        if (combined) void this.changed(userId, combined);
      },
      clock: o.clock,
      logger: o.logger,
      ...(o.coalesceMs !== undefined ? { coalesceMs: o.coalesceMs } : {}),
      ...(o.setTimer ? { setTimer: o.setTimer } : {}),
    });
  }

  /** A device authenticated: it is connected and active until it says otherwise. */
  connected(device: DeviceAddress): void {
    this.track(this.tracker.deviceActive(device, true));
  }

  /** SetActive from a connected device. */
  async setActive(device: DeviceAddress, active: boolean): Promise<void> {
    await this.tracker.deviceActive(device, active);
  }

  /**
   * A connection closed. Its subscriptions go; when it was the device's live connection
   * (`wasLive`), the device is gone, last heard from at `lastHeardAt` when it died silently.
   */
  closed(connection: LiveConnection, device: DeviceAddress | undefined, wasLive: boolean, lastHeardAt?: number): void {
    this.dropAll(connection);
    if (device && wasLive) {
      this.track(this.tracker.deviceGone(device, lastHeardAt !== undefined ? { at: lastHeardAt } : {}));
    }
  }

  /** PresenceSubscribe: records the subscription and answers the states the viewer may see. */
  async subscribe(
    connection: LiveConnection,
    viewerId: string,
    userIds: readonly string[],
  ): Promise<parley.v1.PresenceState.$Properties[]> {
    const ids = checkIds(userIds);
    let sub = this.subscriptions.get(connection);
    const added = ids.filter((id) => !sub?.users.has(id)).length;
    const perConnection = this.o.maxSubscriptionsPerConnection ?? MAX_PRESENCE_SUBSCRIPTIONS;
    if ((sub?.users.size ?? 0) + added > perConnection) {
      throw new ParleyError('INVALID_ARGUMENT', `at most ${perConnection} presence subscriptions per connection`);
    }
    const perUser = this.o.maxSubscriptionsPerUser ?? MAX_PRESENCE_SUBSCRIPTIONS_PER_USER;
    if ((this.perViewer.get(viewerId) ?? 0) + added > perUser) {
      throw new ParleyError('INVALID_ARGUMENT', `at most ${perUser} presence subscriptions per user`);
    }
    if (!connection.isOpen) return [];
    if (!sub) {
      sub = { viewerId, users: new Set() };
      this.subscriptions.set(connection, sub);
    }
    for (const id of ids) {
      if (sub.users.has(id)) continue;
      this.perViewer.set(viewerId, (this.perViewer.get(viewerId) ?? 0) + 1);
      sub.users.add(id);
      let set = this.subscribers.get(id);
      if (!set) {
        set = new Set();
        this.subscribers.set(id, set);
      }
      set.add(connection);
    }
    const states: parley.v1.PresenceState.$Properties[] = [];
    for (const userId of ids) {
      if (!(await canSeePresence(viewerId, userId, this.policy))) continue;
      const online = this.o.cluster?.onlineElsewhere(userId) === true;
      states.push(toProto(userId, online ? { online } : await this.tracker.get(userId)));
    }
    return states;
  }

  /** PresenceUnsubscribe. */
  unsubscribe(connection: LiveConnection, userIds: readonly string[]): void {
    const ids = checkIds(userIds);
    const sub = this.subscriptions.get(connection);
    if (!sub) return;
    for (const id of ids) this.drop(connection, sub, id);
    if (sub.users.size === 0) this.subscriptions.delete(connection);
  }

  /** Stops the tracker (pending changes are not pushed). */
  async stop(): Promise<void> {
    await this.tracker.stop();
  }

  /** A cluster-wide change learnt from another gateway: push it to the subscribers here. */
  remoteChanged(userId: string, state: PresenceState): void {
    void this.changed(userId, state);
  }

  private async changed(userId: string, state: PresenceState): Promise<void> {
    const connections = this.subscribers.get(userId);
    if (!connections) return;
    const body = { presenceChanged: { states: [toProto(userId, state)] } };
    for (const connection of [...connections]) {
      const viewerId = this.subscriptions.get(connection)?.viewerId;
      if (!viewerId || !connection.isOpen) continue;
      try {
        if (await canSeePresence(viewerId, userId, this.policy)) connection.send(body);
      } catch (error) {
        this.o.logger.warn('presence: policy check failed', { userId, viewerId, error: String(error) });
      }
    }
  }

  private dropAll(connection: LiveConnection): void {
    const sub = this.subscriptions.get(connection);
    if (!sub) return;
    for (const id of [...sub.users]) this.drop(connection, sub, id);
    this.subscriptions.delete(connection);
  }

  private drop(connection: LiveConnection, sub: Subscription, userId: string): void {
    if (!sub.users.delete(userId)) return;
    const left = (this.perViewer.get(sub.viewerId) ?? 1) - 1;
    if (left > 0) this.perViewer.set(sub.viewerId, left);
    else this.perViewer.delete(sub.viewerId);
    const set = this.subscribers.get(userId);
    set?.delete(connection);
    if (set?.size === 0) this.subscribers.delete(userId);
  }

  private track(promise: Promise<void>): void {
    promise.catch((error: unknown) => this.o.logger.warn('presence: update failed', { error: String(error) }));
  }
}

function checkIds(userIds: readonly string[] | null | undefined): string[] {
  const ids = [...new Set(userIds ?? [])];
  if (ids.length > MAX_PRESENCE_IDS) {
    throw new ParleyError('INVALID_ARGUMENT', `at most ${MAX_PRESENCE_IDS} user ids per request`);
  }
  if (!ids.every(isValidUserId)) {
    throw new ParleyError('INVALID_ARGUMENT', 'a user id must be 1-128 characters without control characters');
  }
  return ids;
}

function toProto(userId: string, state: PresenceState): parley.v1.PresenceState.$Properties {
  return { userId, online: state.online, lastSeen: state.online ? 0 : (state.lastSeen ?? 0) };
}
