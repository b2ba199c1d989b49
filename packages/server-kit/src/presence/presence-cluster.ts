import {
  encodeGatewayNote,
  type GatewayNote,
  type GatewayNoteBody,
  gatewayNoteListener,
} from '../cluster/gateway-note.js';
import type { Bus } from '../contracts/bus.js';
import type { Logger } from '../contracts/logger.js';
import type { Clock } from '../contracts/types.js';
import type { PresenceState } from './presence-tracker.js';
import type { TypingChange } from './typing-tracker.js';

/** The one bus channel every gateway of a cluster publishes presence and typing on. */
export const PRESENCE_CHANNEL = 'parley.presence';
/** Default interval of a gateway's heartbeat (the list of its online users), ms. */
export const DEFAULT_PRESENCE_HEARTBEAT_MS = 10_000;

/** Options of {@link PresenceCluster}. */
export interface PresenceClusterOptions {
  bus: Bus;
  gatewayId: string;
  clock: Clock;
  logger: Logger;
  /** Heartbeat interval (ms); a gateway silent for 3 intervals has its users taken offline. */
  heartbeatMs?: number;
  /**
   * A user's cluster-wide state changed because of another gateway (came online there, went
   * offline everywhere, or their gateway stopped heartbeating): push it to local subscribers.
   * `lastSeen` of an offline state is what the other gateway stored, or the last heartbeat.
   */
  onRemoteChange: (userId: string, state: PresenceState) => void;
  /** A typing change from another gateway: relay it to the peer's local devices. */
  onRemoteTyping: (change: TypingChange) => void;
  /** A user's gateway went silent: store this last seen for them (they are offline everywhere). */
  onGatewayLost?: (userId: string, lastSeen: number) => Promise<void>;
}

/**
 * Combines the presence of the gateways of a cluster over the {@link Bus}, like socket.io's
 * cluster adapter: each gateway publishes its local transitions and typing on
 * {@link PRESENCE_CHANNEL} and applies the others' to its own subscribers.
 *
 * A user is online while any gateway reports them online. Each gateway keeps, per remote user,
 * the gateways that report them online with an expiry renewed by heartbeats; a crashed gateway's
 * users go offline after 3 missed heartbeats, last seen = its last heartbeat.
 *
 * Best effort: a lost `on` is repaired by the next heartbeat; a lost `off` leaves the user
 * online on other gateways until the expiry (3 heartbeats); a lost typing change is repaired by
 * the client's refresh or its own expiry. Nothing here is the truth for messages.
 */
export class PresenceCluster {
  /** Remote user -> gateway -> expiry (ms). */
  private readonly remote = new Map<string, Map<string, number>>();
  /** Users this gateway last published as online. */
  private readonly localOnline = new Set<string>();
  private readonly heartbeatMs: number;
  private unsubscribe: (() => Promise<void>) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly o: PresenceClusterOptions) {
    this.heartbeatMs = o.heartbeatMs ?? DEFAULT_PRESENCE_HEARTBEAT_MS;
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.o.bus.subscribe(
      PRESENCE_CHANNEL,
      gatewayNoteListener(this.o.logger, (note) => this.received(note)),
    );
    this.timer = setInterval(() => {
      this.publish({ kind: 'presenceHeartbeat', userIds: [...this.localOnline] });
      this.sweep();
    }, this.heartbeatMs);
    this.timer.unref?.();
    this.publish({ kind: 'presenceHello' });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // Tell the others this gateway's users left (a graceful stop should not wait for expiry).
    const now = this.o.clock();
    for (const userId of this.localOnline) this.publish({ kind: 'presenceOffline', userId, lastSeen: now });
    this.localOnline.clear();
    await this.unsubscribe?.();
  }

  /** Whether another gateway reports `userId` online now. */
  onlineElsewhere(userId: string): boolean {
    const gateways = this.remote.get(userId);
    if (!gateways) return false;
    const now = this.o.clock();
    for (const expires of gateways.values()) if (expires > now) return true;
    return false;
  }

  /**
   * The local tracker reported a change: publishes it and answers what local subscribers should
   * be told, or undefined when the cluster-wide state did not change (offline here, online there).
   */
  localChanged(userId: string, state: PresenceState): PresenceState | undefined {
    if (state.online) {
      this.localOnline.add(userId);
      this.publish({ kind: 'presenceOnline', userId });
      return state;
    }
    this.localOnline.delete(userId);
    this.publish({
      kind: 'presenceOffline',
      userId,
      ...(state.lastSeen !== undefined ? { lastSeen: state.lastSeen } : {}),
    });
    return this.onlineElsewhere(userId) ? undefined : state;
  }

  /** Publishes a local typing change so the peer's devices on other gateways get it. */
  typing(change: TypingChange): void {
    this.publish({ kind: 'typing', userId: change.userId, peerUserId: change.chatId, typing: change.typing });
  }

  private publish(note: GatewayNoteBody): void {
    void this.o.bus
      .publish(PRESENCE_CHANNEL, encodeGatewayNote(this.o.gatewayId, note))
      .catch((error: unknown) => this.o.logger.warn('presence: bus publish failed', { error: String(error) }));
  }

  /** A checked note from the bus (see cluster/gateway-note.ts); this gateway's own are ignored. */
  private received(note: GatewayNote): void {
    if (note.from === this.o.gatewayId) return;
    const expires = this.o.clock() + 3 * this.heartbeatMs;
    switch (note.kind) {
      case 'presenceOnline':
        this.remoteOnline(note.from, note.userId, expires);
        return;
      case 'presenceOffline':
        this.remoteOffline(note.from, note.userId, note.lastSeen);
        return;
      case 'presenceHeartbeat':
        for (const userId of note.userIds) this.remoteOnline(note.from, userId, expires);
        return;
      case 'presenceHello':
        this.publish({ kind: 'presenceHeartbeat', userIds: [...this.localOnline] });
        return;
      case 'typing':
        this.o.onRemoteTyping({ chatId: note.peerUserId, userId: note.userId, typing: note.typing });
        return;
      default:
        // Device notes travel on the gateways' own channels, not on this one.
        return;
    }
  }

  private remoteOnline(gateway: string, userId: string, expires: number): void {
    const wasOnline = this.localOnline.has(userId) || this.onlineElsewhere(userId);
    let gateways = this.remote.get(userId);
    if (!gateways) {
      gateways = new Map();
      this.remote.set(userId, gateways);
    }
    gateways.set(gateway, expires);
    if (!wasOnline) this.emit(userId, { online: true });
  }

  private remoteOffline(gateway: string, userId: string, lastSeen: number | undefined): void {
    const gateways = this.remote.get(userId);
    if (!gateways?.delete(gateway)) return;
    if (gateways.size === 0) this.remote.delete(userId);
    if (this.localOnline.has(userId) || this.onlineElsewhere(userId)) return;
    this.emit(userId, typeof lastSeen === 'number' ? { online: false, lastSeen } : { online: false });
  }

  /** Drops expired remote entries; users now offline everywhere get last seen = expiry - TTL. */
  private sweep(): void {
    const now = this.o.clock();
    for (const [userId, gateways] of [...this.remote]) {
      let latest = 0;
      for (const [gateway, expires] of [...gateways]) {
        if (expires > now) continue;
        gateways.delete(gateway);
        latest = Math.max(latest, expires - 3 * this.heartbeatMs);
      }
      if (gateways.size > 0) continue;
      this.remote.delete(userId);
      if (latest === 0 || this.localOnline.has(userId)) continue;
      const lastSeen = latest;
      void (this.o.onGatewayLost?.(userId, lastSeen) ?? Promise.resolve())
        .catch((error: unknown) => this.o.logger.warn('presence: storing last seen failed', { error: String(error) }))
        .then(() => this.emit(userId, { online: false, lastSeen }));
    }
  }

  private emit(userId: string, state: PresenceState): void {
    try {
      this.o.onRemoteChange(userId, state);
    } catch (error) {
      this.o.logger.warn('presence: remote change handler threw', { userId, error: String(error) });
    }
  }
}
