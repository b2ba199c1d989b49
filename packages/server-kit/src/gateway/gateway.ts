import type { parley, ServerFrameInit } from '@parley/core';
import { decodeClientFrame, fromUtf8, isParleyError, ParleyError, type UnknownBodyDetail, utf8 } from '@parley/core';
import type { RawData, WebSocket } from 'ws';
import { ACCOUNT_BODIES, handleAccountRequest } from '../account/account-requests.js';
import type { Authenticator } from '../contracts/authenticator.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import { type Clock, type DeviceAddress, deviceKey } from '../contracts/types.js';
import { GroupReceipts } from '../groups/group-receipts.js';
import { GROUP_BODIES, GroupRequests } from '../groups/group-requests.js';
import { handleKeysCount, handleKeysFetch, handleKeysUpload, type KeysContext } from '../keys/keys-handler.js';
import { MEDIA_BODIES, type MediaRequests } from '../media/media-requests.js';
import { deliveredReceipts, handleReceipt, type ReceiptContext } from '../messages/receipts-handler.js';
import { handleSend, type StoredEntry } from '../messages/send-handler.js';
import { PRESENCE_BODIES, PresenceRequests } from '../presence/presence-requests.js';
import type { PushCoalescer } from '../push/push-coalescer.js';
import { CloseReasons, Connection } from './connection.js';
import { DeliveryPump } from './delivery-pump.js';
import { Handshake } from './handshake.js';
import type { ServerLimits } from './limits.js';
import { toBytes } from './raw-data.js';

export interface GatewayOptions {
  /** The embedding app's own contact graph for 'contacts' visibility, instead of the lists clients set. */
  isContact?: (ownerId: string, otherId: string) => Promise<boolean>;
  /** Wakes devices without a live connection when something is queued for them (already coalesced). */
  push?: PushCoalescer;
  /** Media tickets (when the stores have media). */
  media?: MediaRequests;
  gatewayId: string;
  stores: ServerStores;
  authenticator: Authenticator;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
}

interface LiveDevice {
  connection: Connection;
  pump: DeliveryPump;
}

/** Bus message between gateways: a nudge (queue has news) or a kick (device connected elsewhere). */
type BusNote = { t: 'nudge'; u: string; d: number } | { t: 'kick'; u: string; d: number; c: string };

const channelOf = (gatewayId: string) => `parley.gateway.${gatewayId}`;
/**
 * Nudges for devices the directory does not place: every gateway listens, and the one that holds the
 * device (if any) reads its queue. A safety net for directory entries lost with a Redis restart.
 */
const EVERY_GATEWAY = 'parley.gateways';

/** First byte of an encoded ClientFrame whose first field is deliver_ack (field 21, length-delimited). */
const ACK_TAG = (21 << 3) | 2;

/** Frames that get no answer, so need no request id. */
const NO_RESPONSE = new Set<string>(['deliverAck', 'pong', 'ping']);

/**
 * The WebSocket gateway: owns the live connections of this process, dispatches their frames,
 * and routes nudges to whichever gateway holds a device.
 */
export class Gateway {
  private readonly live = new Map<string, LiveDevice>();
  private readonly connections = new Set<Connection>();
  private readonly inflight = new Set<Promise<unknown>>();
  private nextConnection = 0;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private purgeTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private unsubscribeAll: (() => Promise<void>) | undefined;
  private closing = false;

  /** Presence and typing, combined with the other gateways' over the bus. */
  private readonly presence: PresenceRequests;
  /** Group receipt cursors and the all-members aggregate. */
  private readonly groupReceipts: GroupReceipts;

  /** Signed group membership changes and group reads. */
  private readonly groups: GroupRequests;

  constructor(private readonly o: GatewayOptions) {
    this.presence = new PresenceRequests(o);
    this.groupReceipts = new GroupReceipts({
      ...this.receiptContext(),
      groups: o.stores.groups,
      groupReceipts: o.stores.groupReceipts,
      logger: o.logger,
    });
    this.groups = new GroupRequests({ ...o, stored: (entries) => this.stored(entries) });
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.o.stores.bus.subscribe(channelOf(this.o.gatewayId), (data) => this.onBusNote(data));
    this.unsubscribeAll = await this.o.stores.bus.subscribe(EVERY_GATEWAY, (data) => this.onBusNote(data));
    await this.presence.start();
    const sweepEvery = Math.max(50, Math.min(1_000, Math.floor(this.o.limits.idleTimeoutMs / 4)));
    this.sweepTimer = setInterval(() => this.sweep(), sweepEvery);
    this.sweepTimer.unref?.();
    this.purgeTimer = setInterval(() => void this.o.stores.queue.purgeExpired().catch(() => {}), 3_600_000);
    this.purgeTimer.unref?.();
  }

  /** Graceful stop: refuse new work, finish in-flight requests, say goodbye, close sockets. */
  async stop(): Promise<void> {
    this.closing = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    for (const c of this.connections) c.pauseReading();
    await Promise.allSettled([...this.inflight]);
    await this.groupReceipts.idle();
    for (const c of this.connections) c.close(CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN, 'server shutting down');
    await this.unsubscribe?.();
    await this.unsubscribeAll?.();
    await this.presence.stop();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  accept(ws: WebSocket): void {
    if (this.closing) {
      ws.close(4000 + CloseReasons.CLOSE_REASON_SERVER_SHUTDOWN, 'server shutting down');
      return;
    }
    const id = `${this.o.gatewayId}:${++this.nextConnection}`;
    const connection = new Connection(id, ws, this.o.limits, this.o.clock());
    const handshake = new Handshake(
      {
        stores: this.o.stores,
        authenticator: this.o.authenticator,
        clock: this.o.clock,
        limits: this.o.limits,
        logger: this.o.logger,
        onAuthenticated: (c, device) => this.onAuthenticated(c, device),
      },
      connection,
    );
    this.connections.add(connection);
    let chain: Promise<void> = Promise.resolve();
    let queued = 0;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      connection.lastReceivedAt = this.o.clock();
      const bytes = toBytes(data);
      // Acks need no ordering against requests (removing an entry twice is harmless): handle them
      // at once instead of behind the connection's sends, which keeps the window moving.
      if (isBinary && connection.state === 'ready' && connection.address && !this.closing && bytes[0] === ACK_TAG) {
        const ack = this.tryAck(connection, connection.address, bytes);
        if (ack) {
          this.track(ack);
          return;
        }
      }
      queued++;
      if (queued >= this.o.limits.maxConcurrentRequests) connection.pauseReading();
      // Frames of one connection are handled in order: that keeps a sender's messages in order.
      chain = chain.then(async () => {
        try {
          await this.onFrame(connection, handshake, bytes, isBinary);
        } finally {
          if (--queued === this.o.limits.maxConcurrentRequests - 1 && !this.closing) connection.resumeReading();
        }
      });
      this.track(chain);
    });
    ws.on('error', (error) => this.o.logger.debug('socket error', { id, error: String(error) }));
    connection.onClosed(() => {
      this.connections.delete(connection);
      const device = connection.address;
      if (!device) return;
      const key = deviceKey(device);
      const current = this.live.get(key);
      this.presence.closed(connection, current?.connection === connection);
      if (current?.connection === connection) {
        current.pump.stop();
        this.live.delete(key);
        void this.o.stores.directory.release(device, connection.id).catch(() => {});
      }
    });
  }

  /** New entries: local connections may take them directly, others are nudged. */
  stored(entries: StoredEntry[]): void {
    if (!this.o.stores.queue.commitOrdered) {
      this.nudge(entries.map((e) => e.device));
      return;
    }
    const remote: DeviceAddress[] = [];
    for (const entry of entries) {
      const local = this.live.get(deviceKey(entry.device));
      if (local) local.pump.offer(entry);
      else remote.push(entry.device);
    }
    if (remote.length > 0) this.nudge(remote);
  }

  /** Tells whoever holds these devices that their queues have news. */
  nudge(devices: DeviceAddress[]): void {
    const remote: DeviceAddress[] = [];
    for (const device of devices) {
      const local = this.live.get(deviceKey(device));
      if (local) local.pump.nudge();
      else remote.push(device);
    }
    if (remote.length === 0) return;
    void this.o.stores.directory
      .lookup(remote)
      .then((locations) => {
        locations.forEach((location, i) => {
          const device = remote[i];
          if (!device) return;
          if (!location) {
            // No live connection anywhere: wake the device (coalesced; content-free). Every gateway is
            // also told, in case the directory lost the entry of a device that is connected after all.
            void this.o.push?.notify(device, { count: 1 }).catch(() => {});
            this.publishTo(EVERY_GATEWAY, { t: 'nudge', u: device.userId, d: device.deviceId });
            return;
          }
          if (location.gatewayId === this.o.gatewayId) return;
          this.publish(location.gatewayId, { t: 'nudge', u: device.userId, d: device.deviceId });
        });
      })
      .catch((error: unknown) => this.o.logger.warn('directory lookup failed', { error: String(error) }));
  }

  /** Handles a DeliverAck frame directly; undefined when the bytes are something else. */
  private tryAck(connection: Connection, device: DeviceAddress, bytes: Uint8Array): Promise<void> | undefined {
    let frame: ReturnType<typeof decodeClientFrame>;
    try {
      frame = decodeClientFrame(bytes, { maxFrameBytes: this.o.limits.maxFrameBytes });
    } catch {
      return undefined; // the ordered path reports it
    }
    if (frame.body !== 'deliverAck' || frame.requestId !== 0) return undefined;
    return this.acked(device, frame.deliverAck?.ids ?? []).catch((error: unknown) => {
      this.o.logger.warn('ack failed', { error: String(error) });
      // The entries stay queued but the pump already sent them: only a new connection sends them
      // again (the client skips them as duplicates and acks again, which queues their receipts).
      connection.close(CloseReasons.CLOSE_REASON_UNAVAILABLE, 'could not store the acknowledgement');
    });
  }

  /**
   * Queues DELIVERED receipts for the acknowledged messages, then removes the entries: in this order a
   * gateway dying (or a store failing) in between leaves the entries queued, so they are delivered and
   * acknowledged again and the receipt is never lost (a repeat is harmless: statuses never go back).
   */
  private async acked(device: DeviceAddress, ids: string[]): Promise<void> {
    const pump = this.live.get(deviceKey(device))?.pump;
    if (!pump) return;
    await deliveredReceipts(this.receiptContext(), device, ids);
    await this.groupReceipts.delivered(device, ids);
    await pump.ack(ids);
  }

  private receiptContext(): ReceiptContext {
    const presence = this.o.stores.presence;
    return {
      stores: this.o.stores,
      clock: this.o.clock,
      maxQueuedPerDevice: this.o.limits.maxQueuedPerDevice,
      readReceipts: async (userId) => (presence ? (await presence.settings(userId)).readReceipts : true),
      stored: (entries) => this.stored(entries),
    };
  }

  private track(promise: Promise<unknown>): void {
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
  }

  private async onFrame(connection: Connection, handshake: Handshake, bytes: Uint8Array, isBinary: boolean) {
    // While stopping, frames are not taken on: their requests fail on close and are retried.
    if (!connection.isOpen || this.closing) return;
    let frame: ReturnType<typeof decodeClientFrame>;
    try {
      if (!isBinary) throw new ParleyError('BAD_FRAME', 'frames must be binary');
      frame = decodeClientFrame(bytes, { maxFrameBytes: this.o.limits.maxFrameBytes });
    } catch (error) {
      const unknownBody = (isParleyError(error) ? error.details : undefined) as UnknownBodyDetail | undefined;
      if (unknownBody) {
        // Well-formed, from a newer client: answer the request, keep the connection.
        connection.replyError(unknownBody.requestId, error);
        return;
      }
      connection.replyError(0, error);
      if (connection.state !== 'ready' || ++connection.badFrames > this.o.limits.maxBadFrames) {
        connection.close(CloseReasons.CLOSE_REASON_PROTOCOL_ERROR, 'undecodable frames');
      }
      return;
    }
    const requestId = frame.requestId;
    if (requestId === 0 && !NO_RESPONSE.has(frame.body)) {
      connection.replyError(
        0,
        new ParleyError('BAD_FRAME', `${frame.body} is a request and needs a non-zero request_id`),
      );
      return;
    }
    try {
      if (frame.body === 'hello') return handshake.hello(requestId, frame.hello as parley.v1.Hello);
      if (frame.body === 'auth') return await handshake.auth(requestId, frame.auth as parley.v1.Auth);
      if (frame.body === 'ping') {
        connection.reply(requestId, { pong: { nonce: frame.ping?.nonce ?? 0 } });
        return;
      }
      if (frame.body === 'pong') return;
      if (connection.state !== 'ready' || !connection.address) {
        throw new ParleyError('UNAUTHENTICATED', 'authenticate before sending requests');
      }
      await this.dispatch(connection, connection.address, frame);
    } catch (error) {
      if (!isParleyError(error)) this.o.logger.error('request failed', { body: frame.body, error: String(error) });
      // Unexpected failures are store or bus trouble: retryable, and sends are idempotent.
      connection.replyError(
        requestId,
        isParleyError(error) ? error : new ParleyError('UNAVAILABLE', 'temporarily unavailable', { cause: error }),
      );
    }
  }

  private async dispatch(
    connection: Connection,
    device: DeviceAddress,
    frame: ReturnType<typeof decodeClientFrame>,
  ): Promise<void> {
    const requestId = frame.requestId;
    if (PRESENCE_BODIES.has(frame.body)) {
      connection.reply(requestId, await this.presence.handle(connection, device, frame));
      return;
    }
    if (GROUP_BODIES.has(frame.body)) {
      connection.reply(requestId, await this.groups.handle(device, frame));
      return;
    }
    if (ACCOUNT_BODIES.has(frame.body)) {
      connection.reply(requestId, await handleAccountRequest(this.o.stores, device, frame));
      return;
    }
    if (this.o.media && MEDIA_BODIES.has(frame.body)) {
      connection.reply(requestId, await this.o.media.handle(device, frame));
      return;
    }
    switch (frame.body) {
      case 'send': {
        const ack = await handleSend(
          {
            stores: this.o.stores,
            clock: this.o.clock,
            maxQueuedPerDevice: this.o.limits.maxQueuedPerDevice,
            stored: (entries) => this.stored(entries),
            groups: this.o.stores.groups,
            groupReceipts: this.o.stores.groupReceipts,
          },
          device,
          frame.send as parley.v1.Send,
        );
        connection.reply(requestId, { sendAck: ack });
        return;
      }
      case 'deliverAck': {
        await this.acked(device, frame.deliverAck?.ids ?? []);
        return;
      }
      case 'receipt': {
        const receipt = frame.receipt as parley.v1.Receipt;
        if (receipt.chat === 'groupId') await this.groupReceipts.read(device, receipt);
        else await handleReceipt(this.receiptContext(), device, receipt);
        connection.reply(requestId, { ok: {} });
        return;
      }
      case 'groupReceipts': {
        const request = frame.groupReceipts as parley.v1.GroupReceiptsRequest;
        connection.reply(requestId, { groupReceipts: await this.groupReceipts.list(device, request) });
        return;
      }
      case 'keysUpload': {
        const result = await handleKeysUpload(this.keysContext(), device, frame.keysUpload as parley.v1.KeysUpload);
        connection.reply(requestId, { keysUploadResult: result });
        return;
      }
      case 'keysFetch': {
        const bundles = await handleKeysFetch(this.keysContext(), device, frame.keysFetch as parley.v1.KeysFetch);
        connection.reply(requestId, { keysBundles: bundles });
        return;
      }
      case 'keysCount': {
        connection.reply(requestId, { keysUploadResult: await handleKeysCount(this.keysContext(), device) });
        return;
      }
      default:
        throw new ParleyError('INVALID_ARGUMENT', `${frame.body} is not enabled on this server`);
    }
  }

  private keysContext(): KeysContext {
    return {
      stores: this.o.stores,
      limits: this.o.limits,
      notifyPreKeysLow: (device, oneTimeRemaining) => this.pushToLocal(device, { prekeysLow: { oneTimeRemaining } }),
    };
  }

  /**
   * Sends a push to a device if it is connected to this gateway; otherwise drops it. For pushes
   * whose loss is harmless (the client asks again on connect).
   */
  private pushToLocal(device: DeviceAddress, body: Omit<ServerFrameInit, 'requestId'>): boolean {
    return this.live.get(deviceKey(device))?.connection.send(body) ?? false;
  }

  private async onAuthenticated(connection: Connection, device: DeviceAddress) {
    const key = deviceKey(device);
    const location = { gatewayId: this.o.gatewayId, connectionId: connection.id };
    // Store work first: if it fails, the handshake answers UNAVAILABLE and nothing is half set up.
    const [elsewhere, pending] = await Promise.all([
      this.o.stores.directory.claim(device, location, this.directoryTtl()),
      this.o.stores.queue.count(device),
    ]);
    if (!connection.isOpen) {
      await this.o.stores.directory.release(device, connection.id);
      return { pending, start: () => {} };
    }
    if (elsewhere && elsewhere.gatewayId !== this.o.gatewayId) {
      this.publish(elsewhere.gatewayId, { t: 'kick', u: device.userId, d: device.deviceId, c: elsewhere.connectionId });
    }
    const previous = this.live.get(key);
    if (previous) previous.connection.close(CloseReasons.CLOSE_REASON_REPLACED, 'the device connected again');
    connection.address = device;
    this.o.push?.cancel(device); // it gets its messages live now
    connection.state = 'ready';
    connection.lastClaimAt = this.o.clock();
    const pump = new DeliveryPump({
      queue: this.o.stores.queue,
      connection,
      device,
      window: this.o.limits.deliveryWindow,
      maxFrameBytes: this.o.limits.maxFrameBytes,
      logger: this.o.logger,
      onSyncComplete: (delivered) => connection.send({ syncComplete: { delivered } }),
    });
    this.live.set(key, { connection, pump });
    this.presence.connected(connection, device);
    return { pending, start: () => pump.nudge() };
  }

  private directoryTtl(): number {
    return this.o.limits.idleTimeoutMs * 2;
  }

  private sweep(): void {
    const now = this.o.clock();
    const { authTimeoutMs, idleTimeoutMs } = this.o.limits;
    for (const c of this.connections) {
      if (c.state !== 'ready' && now - c.openedAt > authTimeoutMs) {
        c.close(CloseReasons.CLOSE_REASON_AUTH_TIMEOUT, 'authentication not completed in time');
      } else if (now - c.lastReceivedAt > idleTimeoutMs) {
        c.close(CloseReasons.CLOSE_REASON_IDLE_TIMEOUT, 'no frame received within the idle timeout');
      } else if (c.state === 'ready' && c.address && now - c.lastClaimAt > this.directoryTtl() / 3) {
        c.lastClaimAt = now;
        const location = { gatewayId: this.o.gatewayId, connectionId: c.id };
        void this.o.stores.directory.claim(c.address, location, this.directoryTtl()).catch(() => {});
        // Nudges lost while the bus or directory was down leave entries unread: look again now and then.
        this.live.get(deviceKey(c.address))?.pump.nudge();
      }
    }
  }

  private publish(gatewayId: string, note: BusNote): void {
    this.publishTo(channelOf(gatewayId), note);
  }

  private publishTo(channel: string, note: BusNote): void {
    void this.o.stores.bus
      .publish(channel, utf8(JSON.stringify(note)))
      .catch((error: unknown) => this.o.logger.warn('bus publish failed', { error: String(error) }));
  }

  private onBusNote(data: Uint8Array): void {
    let note: BusNote;
    try {
      note = JSON.parse(fromUtf8(data)) as BusNote;
    } catch {
      return;
    }
    const local = this.live.get(deviceKey({ userId: note.u, deviceId: note.d }));
    if (!local) return;
    if (note.t === 'nudge') local.pump.nudge();
    else if (note.t === 'kick' && local.connection.id === note.c) {
      local.connection.close(CloseReasons.CLOSE_REASON_REPLACED, 'the device connected to another gateway');
    }
  }
}
