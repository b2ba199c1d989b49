// Every namespace the client keeps in its ClientStore, in one place: a new one goes here, so two
// modules can never pick the same name, and a reader sees at a glance what the store holds.
// The strings are persisted: changing one orphans what existing stores hold under it.

/** The fixed namespaces of the client store, each owned by the module named beside it. */
export const NS = {
  /** `device-identity.ts`: this device's id and authentication key. */
  device: 'device',
  /** `messages/message-store.ts`: every message this device has seen, by id. */
  messages: 'messages',
  /** `messages/message-store.ts`: ids of outgoing messages still pending or failed (status by id). */
  unsent: 'messages.unsent',
  /** `history/chat-list-store.ts`: one summary per chat (last message, unread count, flags), by chat id. */
  chats: 'chats',
  /** `history/chat-list-store.ts`: the chats by last activity (`history/activity-key.ts` keys). */
  chatsByActivity: 'chats.by-activity',
  /** `messages/sent-targets.ts`: the devices each outgoing message was encrypted for, and its resends. */
  sentTargets: 'sent-targets',
  /** `outbox/outbox-store.ts`: records waiting for the server's acknowledgement, by sequence. */
  outbox: 'outbox',
  /** `messages/announcements.ts`: message events stored with their state and not yet emitted, in order. */
  announcements: 'announcements',
  /** `messages/send-seq.ts`: this device's last message sequence number per conversation. */
  sendSeqs: 'messages.send-seq',
  /** `messages/sender-order.ts`: per (conversation, sender device) the last seq announced and the messages held back. */
  senderOrder: 'messages.sender-order',
  /** `outbox/outbox-store.ts`: the outbox's sequence counter. */
  meta: 'meta',
  /** `e2ee/device-lists.ts`: the cached device list of each user. */
  devices: 'devices',
  /** `groups/group-book.ts`: groups as this device verified them. */
  groups: 'groups',
  /** `groups/group-book.ts`: this device's own sender key per group. */
  ownSenderKeys: 'groups.own-sender-key',
  /** `groups/group-invites.ts`: invitations this device sent, by invite id (checked when accepted). */
  invitesIssued: 'groups.invites-issued',
  /** `groups/group-invites.ts`: invitations this user received, by invite id. */
  invitesReceived: 'groups.invites-received',
  /** `groups/group-sender-keys.ts`: the sender keys of other members' devices. */
  senderKeys: 'signal.sender-keys',
  /** `actions/action-store.ts`: ids of contents that are not stored messages (actions, settings), for dedup; a sent action's content, for resends. */
  actionsSeen: 'actions.seen',
  /** `actions/action-store.ts`: actions on messages this device does not have yet, by `actionKey`. */
  actionsPending: 'actions.pending',
  /** `actions/action-store.ts`: when each seen id may be forgotten (`expiryKey`: time, then id). */
  actionsSeenPrune: 'actions.seen.prune',
  /** `actions/action-store.ts`: when each pending action may be dropped (`expiryKey` -> target id). */
  actionsPendingPrune: 'actions.pending.prune',
  /** `actions/action-store.ts`: each chat's settings (disappearing timer) with their Lamport version. */
  chatSettings: 'chat-settings',
  /** `actions/action-store.ts`: disappearing messages by `expiryKey` (time, then id). */
  expiry: 'expiry',
  /** `actions/group-timer.ts`: each group's verified disappearing-timer changes (when each took effect). */
  groupTimers: 'groups.disappearing',
  /** `e2ee/key-manager.ts`: prekey counters and upload state. */
  signalMeta: 'signal.meta',
  /** `e2ee/tx-signal-store.ts`: this device's Signal identity. */
  signalLocal: 'signal.local',
  /** `e2ee/tx-signal-store.ts`: identity keys of peer devices. */
  signalIdentities: 'signal.identities',
  /** `e2ee/tx-signal-store.ts`: one-time prekeys. */
  signalPreKeys: 'signal.prekeys',
  /** `e2ee/tx-signal-store.ts`: signed prekeys. */
  signalSignedPreKeys: 'signal.signed-prekeys',
  /** `e2ee/tx-signal-store.ts`: Signal sessions with peer devices. */
  signalSessions: 'signal.sessions',
} as const;

/** `messages/message-store.ts`: the per-chat index of message ids (UUIDv7, so in time order). */
export const chatIndexNs = (chatId: string): string => `chat\u001f${chatId}`;

/** `messages/message-store.ts`: the ids of a chat's incoming messages not read yet (so marking read costs what is unread). */
export const chatUnreadNs = (chatId: string): string => `unread\u001f${chatId}`;
