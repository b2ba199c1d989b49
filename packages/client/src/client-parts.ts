import { ParleyError, type parley, type ServerFrame } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { encodeGroupRecord } from '@parley/core/groups';
import type { EventEmitter } from 'eventemitter3';
import { ExpirySweeper } from './actions/expiry.js';
import { noteGroupTimer } from './actions/group-timer.js';
import type { ClientOptions } from './client-options.js';
import type { Clock } from './clock.js';
import { ClientConnection } from './connection.js';
import { type DeviceIdentity, loadOrCreateIdentity } from './device-identity.js';
import { parseApproval } from './e2ee/device-link.js';
import type { DeviceLists } from './e2ee/device-lists.js';
import { buildE2ee } from './e2ee/e2ee-parts.js';
import type { KeyManager } from './e2ee/key-manager.js';
import type { OwnDeviceList } from './e2ee/own-device-list.js';
import type { SecureChannel } from './e2ee/secure-channel.js';
import type { ClientEvents } from './events.js';
import { getGroup, isMember } from './groups/group-book.js';
import { GroupManager } from './groups/group-manager.js';
import { Inbox } from './inbox.js';
import { type Logger, warnOnFailure } from './logger.js';
import { MediaService } from './media/media-service.js';
import { memoryMediaSpool } from './media/spool.js';
import { Announcements } from './messages/announcements.js';
import { indexStoredMessages } from './messages/message-store.js';
import { applyReceipt } from './messages/receipts.js';
import { isUserMessage, messageStatusEvents } from './messages/status-events.js';
import { Outbox } from './outbox/outbox.js';
import { defaultWebSocket } from './websocket.js';

/** The working parts behind the client facade, built once its store is open. */
export interface Parts {
  identity: DeviceIdentity;
  connection: ClientConnection;
  outbox: Outbox;
  inbox: Inbox;
  keys: KeyManager;
  lists: DeviceLists;
  ownList: OwnDeviceList;
  channel: SecureChannel;
  groups: GroupManager;
  media: MediaService;
  sweeper: ExpirySweeper;
}

/** What the facade hands its parts: the options, and where their events and pushes go. */
export interface PartsWiring {
  options: ClientOptions;
  logger: Logger;
  clock: Clock;
  emit: EventEmitter<ClientEvents>['emit'];
  onPush(frame: ServerFrame): Promise<void>;
  onReady(welcome: parley.v1.Welcome.$Properties): void;
}

/**
 * Opens the device identity and wires connection, end-to-end encryption, groups, inbox, media and
 * outbox to each other and to the facade's events; loads what the outbox left unsent and announces
 * the message events a previous run stored but did not emit.
 */
export async function buildParts(w: PartsWiring): Promise<Parts> {
  const { options, logger, clock, emit } = w;
  const store = options.store;
  const identity = await loadOrCreateIdentity(store, options.userId, options.deviceId);
  const self: SignalAddress = { userId: identity.userId, deviceId: identity.deviceId };
  const link = options.deviceLink ? parseApproval(options.deviceLink) : undefined;
  const connection = new ClientConnection({
    url: options.url,
    identity,
    WebSocket: options.WebSocket ?? defaultWebSocket(),
    ...(options.token ? { token: options.token } : {}),
    ...(link ? { link: () => link } : {}),
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    backoff: options.reconnect ?? {},
    clientInfo: 'parley-js/0.1',
    onPush: (frame) => w.onPush(frame),
    onReady: (welcome) => w.onReady(welcome),
    onState: (state, detail) => emit('connection:state', { state, ...detail }),
    logger,
    clock,
  });
  const request = (body: Parameters<ClientConnection['request']>[0]) => connection.request(body);
  let outbox: Outbox | undefined;
  const { keys, lists, ownList, channel } = buildE2ee({
    store,
    self,
    logger,
    clock,
    request,
    queueResend: (record) => (outbox as Outbox).addInternal(record),
    devicesChanged: (event) => emit('devices:changed', event),
    identityChanged: (event) => emit('identity:changed', event),
    devicesFlagged: (event) => emit('devices:flagged', event),
  });
  // Made below, once the store is indexed; group records only arrive after that.
  let sweeper: ExpirySweeper | undefined;
  const groups = new GroupManager({
    store,
    self,
    lists,
    logger,
    clock,
    identity: async () => (await keys.identity()).identityKeyPair,
    request,
    updated: (event) => {
      emit('group:updated', event);
      if (event.action !== 'disappearing') return;
      // The group's timer is a signed record: the same event as a 1:1 chat's setting, and the messages
      // the record gave an expiry (sent after it, received before it) are swept on time.
      emit('chat:setting', { chatId: event.group.id, disappearingS: event.group.disappearingS, by: event.actor });
      void sweeper?.sweep().catch(warnOnFailure(logger, 'deleting disappearing messages failed'));
    },
    flagged: (event) => emit('group:flagged', event),
    timerChanged: noteGroupTimer,
  });
  const announcements = new Announcements(
    store,
    (a) => {
      if (a.kind === 'sent') {
        emit('message:sent', a.message);
        return;
      }
      if (a.kind === 'updated') {
        emit('message:updated', { message: a.message, change: a.change });
        return;
      }
      const m = a.message;
      emit('message:received', m);
      if (!m.outgoing && m.mentions?.includes(self.userId)) emit('message:mentioned', m);
      void lists
        .noteDevice(m.from.userId, m.from.deviceId)
        .catch(warnOnFailure(logger, 'refreshing the device list of a sender failed', { from: m.from }));
    },
    logger,
  );
  const inbox = new Inbox(
    store,
    options.userId,
    {
      know: async (envelopes) => {
        const senders = new Map<string, SignalAddress>();
        for (const e of envelopes) {
          if (e.message && e.sender?.userId) {
            senders.set(`${e.sender.userId}\u001f${e.sender.deviceId}`, {
              userId: e.sender.userId,
              deviceId: e.sender.deviceId ?? 0,
            });
          }
        }
        for (const sender of senders.values()) await lists.noteDevice(sender.userId, sender.deviceId);
        await groups.knowActors(envelopes.flatMap((e) => (e.groupRecord ? [e.groupRecord] : [])));
      },
      groupRecord: (tx, groupId, record) => groups.onRecord(tx, groupId, encodeGroupRecord(record)),
      isGroupMember: async (tx, groupId, userId) => isMember(await getGroup(tx, groupId), userId),
      open: (tx, envelope, payload, from) => channel.open(tx, envelope, payload, from),
      note: (tx, announcement) => announcements.note(tx, announcement),
      announce: (noted) => announcements.announce(noted),
      undecryptable: (e) => {
        const retrying = e.retry && channel.requestRetry(e.id, e.from, 0);
        emit('message:undecryptable', { id: e.id, from: e.from, reason: e.reason, retrying });
      },
      receipt: async (tx, event) => {
        const updates = await applyReceipt(tx, self.userId, event);
        return updates.length
          ? () => {
              for (const u of updates) emit('receipt:updated', u);
            }
          : undefined;
      },
      ack: (ids) => connection.notify({ deliverAck: { ids } }),
      report: (r) => {
        switch (r.kind) {
          case 'refused':
            emit('action:refused', { id: r.id, from: r.from, targetId: r.targetId, kind: r.action, reason: r.reason });
            return;
          case 'unsupported':
            emit('message:unsupported', { id: r.id, chatId: r.chatId, from: r.from, sentAt: r.sentAt });
            return;
          case 'setting':
            emit('chat:setting', { chatId: r.chatId, disappearingS: r.disappearingS, by: r.by });
            return;
          case 'invited':
            emit('group:invited', r.invitation);
            return;
          case 'inviteAccepted': {
            // The answer matched an invitation this device issued: add the invitee with their consent.
            const { inviteId, groupId, userId } = r;
            void groups.addWithConsent(groupId, userId, r.consent).then(
              () => emit('group:invite-accepted', { inviteId, groupId, userId }),
              (error: unknown) => {
                logger.warn('adding an invitee failed', { groupId, userId, error: String(error) });
                emit('group:invite-accepted', { inviteId, groupId, userId, error: ParleyError.from(error) });
              },
            );
            return;
          }
        }
      },
      now: () => clock.now(),
    },
    { clock, logger, ...(options.retryHoldMs !== undefined ? { holdMs: options.retryHoldMs } : {}) },
  );
  const media = new MediaService({
    store,
    spool: options.mediaSpool ?? memoryMediaSpool(),
    url: options.url,
    request,
    logger,
  });
  outbox = new Outbox(store, connection, {
    upload: (record) => media.upload(record),
    prepare: (record) => channel.prepare(record),
    onDevicesMismatch: (record, details) => channel.onDevicesMismatch(record, details),
    ...messageStatusEvents({
      announcements,
      failed: (record, error) => {
        void media.discard(record).catch(warnOnFailure(logger, 'discarding a failed upload failed'));
        if (isUserMessage(record)) emit('message:failed', { id: record.id, chatId: record.chatId, error });
      },
      receipt: (update) => emit('receipt:updated', update),
    }),
  });
  // A store from a version without the chat list gets one (once), before anything new is stored.
  await indexStoredMessages(store);
  await outbox.load();
  // Events a previous run stored but did not get to emit go first, before anything new can arrive.
  await announcements.replay();
  // Disappearing messages whose time ran out while this device was off go before anything is shown.
  sweeper = new ExpirySweeper({ store, clock, logger, expired: (e) => emit('message:expired', e) });
  await sweeper.sweep();
  // Then what was held back for a retry whose wait ended while the client was not running.
  await inbox.start();
  return { identity, connection, outbox, inbox, keys, lists, ownList, channel, groups, media, sweeper };
}
