import { ParleyError } from '@parley/core';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import type { Routes } from '../router/routes.js';
import type { LiveConnection } from './live-connection.js';
import { type DEFAULT_PRESENCE_HEARTBEAT_MS, PresenceCluster } from './presence-cluster.js';
import { PresenceHandler } from './presence-handler.js';
import { TypingHandler } from './typing-handler.js';

/**
 * Presence and typing of one gateway: owns a {@link PresenceHandler} (when the stores have a
 * presence store) and a {@link TypingHandler}, serves their requests and hears of connections
 * coming and going. A {@link PresenceCluster} combines them with the other gateways' over the bus
 * (one gateway alone just hears itself, which it ignores).
 */
export class PresenceRequests {
  readonly presence: PresenceHandler | undefined;
  readonly typing: TypingHandler;
  readonly cluster: PresenceCluster;

  constructor(
    private readonly o: {
      gatewayId: string;
      /** Heartbeat of the cluster presence (ms); default {@link DEFAULT_PRESENCE_HEARTBEAT_MS}. */
      presenceHeartbeatMs?: number;
      stores: ServerStores;
      limits: ServerLimits;
      clock: Clock;
      logger: Logger;
      isContact?: (ownerId: string, otherId: string) => Promise<boolean>;
      /** A user's live connections on this gateway (typing goes to them). */
      connectionsOf: (userId: string) => Iterable<LiveConnection>;
    },
  ) {
    const store = o.stores.presence;
    this.cluster = new PresenceCluster({
      bus: o.stores.bus,
      gatewayId: o.gatewayId,
      clock: o.clock,
      logger: o.logger,
      ...(o.presenceHeartbeatMs !== undefined ? { heartbeatMs: o.presenceHeartbeatMs } : {}),
      onRemoteChange: (userId, state) => this.presence?.remoteChanged(userId, state),
      onRemoteTyping: (change) => this.typing.deliver(change),
      ...(store ? { onGatewayLost: (userId: string, at: number) => store.setLastSeen(userId, at) } : {}),
    });
    this.presence = store
      ? new PresenceHandler({
          store,
          clock: o.clock,
          logger: o.logger,
          coalesceMs: o.limits.presenceCoalesceMs,
          cluster: this.cluster,
          maxSubscriptionsPerConnection: o.limits.maxPresenceSubscriptionsPerConnection,
          maxSubscriptionsPerUser: o.limits.maxPresenceSubscriptionsPerUser,
          ...(o.isContact
            ? { policy: { settingsOf: (userId: string) => store.settings(userId), isContact: o.isContact } }
            : {}),
        })
      : undefined;
    this.typing = new TypingHandler({
      logger: o.logger,
      connectionsOf: o.connectionsOf,
      expiryMs: o.limits.typingExpiryMs,
      onLocalChange: (change) => this.cluster.typing(change),
      groupMembers: async (groupId) => (await o.stores.groups.get(groupId))?.members.map((m) => m.userId),
    });
  }

  /** Joins the cluster's presence channel. */
  async start(): Promise<void> {
    await this.cluster.start();
  }

  /** A device authenticated and its connection is ready (and now the device's live one). */
  connected(device: DeviceAddress): void {
    this.presence?.connected(device);
  }

  /**
   * A connection closed (and, when it was live, its device is gone from the live devices already).
   * `wasLive`: it was its device's live connection (not one replaced by a newer connection of the
   * same device). A connection closed for idle timeout died without a
   * goodbye: its device was last seen when its last frame arrived.
   */
  closed(connection: LiveConnection, wasLive: boolean): void {
    const device = connection.address;
    const now = this.o.clock();
    const silent = now - connection.lastReceivedAt > this.o.limits.idleTimeoutMs;
    this.presence?.closed(connection, device, wasLive, silent ? connection.lastReceivedAt : undefined);
    this.typing.closed(device);
  }

  /**
   * The presence and typing routes. Subscriptions belong to a connection: `connectionOf` finds the
   * live one a request came on (none once it closed, and then there is nothing to subscribe).
   */
  routes(
    connectionOf: (device: DeviceAddress, id: string) => LiveConnection | undefined,
  ): Pick<Routes, 'presenceSubscribe' | 'presenceUnsubscribe' | 'setActive' | 'setContacts' | 'typing'> {
    const enabled = () => {
      const presence = this.presence;
      const store = this.o.stores.presence;
      if (!presence || !store) throw new ParleyError('INVALID_ARGUMENT', 'presence is not enabled on this server');
      return { presence, store };
    };
    return {
      typing: async (request, { device }) => {
        await this.typing.typing(device, request);
        return { ok: {} };
      },
      presenceSubscribe: async (request, { device, connectionId }) => {
        const { presence } = enabled();
        const connection = connectionOf(device, connectionId);
        const states = connection ? await presence.subscribe(connection, device.userId, request.userIds ?? []) : [];
        return { presenceSnapshot: { states } };
      },
      presenceUnsubscribe: async (request, { device, connectionId }) => {
        const { presence } = enabled();
        const connection = connectionOf(device, connectionId);
        if (connection) presence.unsubscribe(connection, request.userIds ?? []);
        return { ok: {} };
      },
      setActive: async (request, { device }) => {
        await enabled().presence.setActive(device, request.active === true);
        return { ok: {} };
      },
      setContacts: async (request, { device }) => {
        await enabled().store.setContacts(device.userId, request.userIds ?? []);
        return { ok: {} };
      },
    };
  }

  async stop(): Promise<void> {
    this.typing.stop();
    await this.presence?.stop();
    await this.cluster.stop();
  }
}
