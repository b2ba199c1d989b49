import type { ParleyError } from '@parley/core';
import type { GroupFlag } from './groups/group-book.js';
import type { GroupInvitation } from './groups/group-invites.js';
import type { GroupUpdate } from './groups/group-manager.js';
import type { MediaAttachment } from './media/attachment.js';
import type { PresenceChange } from './presence.js';

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What a user sends: a text or a file. */
export type SendableContent = { kind: 'text'; text: string } | { kind: 'media'; media: MediaAttachment };

/**
 * What a message carries, decoded. Media: fetch the file with `client.downloadMedia(message)`.
 * `deleted` is the tombstone a delete for everyone leaves (see `ReceivedMessage.deleted`).
 */
export type MessageContent = SendableContent | { kind: 'deleted' };

/** One user's reaction to a message (one per user: a newer one replaces it). */
export interface MessageReaction {
  userId: string;
  emoji: string;
  /** The reacting device's clock (ms). */
  at: number;
  /** Id of the reaction action (orders two reactions of one user with the same `at`). */
  id: string;
}

export interface PeerAddress {
  userId: string;
  deviceId: number;
}

export interface ReceivedMessage {
  id: string;
  /** The conversation: the other user's id for 1:1 chats, the group's id for group chats. */
  chatId: string;
  from: PeerAddress;
  content: MessageContent;
  /** Sender's clock when the message was created (ms). */
  sentAt: number;
  /** When the server stored it (ms). */
  serverTime: number;
  /** True when the message was sent by this user from another of their devices. */
  outgoing: boolean;
  /** The message this one replies to, with a preview of it (from the sender: it may differ from the original). */
  replyTo?: { id: string; userId: string; text: string };
  /** User ids a group message mentions. */
  mentions?: string[];
  /** Forwarded from another chat. */
  forwarded?: boolean;
  /** Disappearing messages: when every device deletes it (ms, the sender's clock). */
  expiresAt?: number;
  /** Reactions, one per user. */
  reactions?: MessageReaction[];
  /** Set once edited: when, and (on the sender's own devices only) the earlier texts, oldest first. */
  edited?: { at: number; id: string; previous?: Array<{ text: string; at: number }> };
  /** Deleted for everyone by `by` at `at`: `content` is `{ kind: 'deleted' }`, the text is gone. */
  deleted?: { by: string; at: number };
}

/** The status of a message this user sent, as far as its recipient got. Never moves backwards. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

interface StoredMessageBase extends ReceivedMessage {
  /** Outgoing: when the status last moved. */
  statusAt?: number;
  /** Incoming: when this user read it (here or on another device). */
  readAt?: number;
  /**
   * The sending device's sequence number in this chat (carried inside the encrypted content; absent
   * from older clients). The inbox keeps each sender's messages in this order across retries.
   */
  seq?: number;
  /** A media message uploaded by this device: the secret that deletes its blob on the server (never sent). */
  mediaDeleteToken?: string;
}

/**
 * Stored form of every message this device has seen, in or out, as history pages and events give
 * it. Outgoing (sent by this user, from here or another device) carries a {@link MessageStatus};
 * incoming is `received`.
 */
export type StoredMessage =
  | (StoredMessageBase & { outgoing: true; status: MessageStatus })
  | (StoredMessageBase & { outgoing: false; status: 'received' });

export interface SentMessage {
  id: string;
  chatId: string;
  serverTime: number;
}

/** A change of a sent message's status (or a read synced from another own device), as `receipt:updated` reports it. */
export interface ReceiptUpdate {
  chatId: string;
  messageId: string;
  status: 'delivered' | 'read';
  /** Who delivered or read it (this user, for reads synced from another of its devices). */
  by: string;
  at: number;
}

/** Typed map of client events; every payload is one object. */
export interface ClientEvents {
  'connection:state': (event: { state: ConnectionState; reason?: string; error?: ParleyError }) => void;
  /**
   * Emitted after the message is durably stored in the client store, in order per conversation.
   * Survives crashes: an event stored but not emitted (or whose handlers ran but whose completion
   * was not yet recorded) is emitted again at the next start, before anything new, with the same
   * id. So every message is announced at least once; dedup by `id` for exactly once.
   */
  'message:received': (message: StoredMessage) => void;
  /**
   * A stored message changed: a reaction, an edit or a delete for everyone was applied (stored first,
   * then emitted; replayed at the next start like `message:received`).
   */
  'message:updated': (event: { message: ReceivedMessage; change: 'reaction' | 'edit' | 'delete' }) => void;
  /** A received message mentions this user (emitted right after its `message:received`). */
  'message:mentioned': (message: ReceivedMessage) => void;
  /** A disappearing message reached its time and was deleted from this device's store. */
  'message:expired': (event: { id: string; chatId: string }) => void;
  /**
   * A message arrived whose content kind this client does not know (a newer client sent it). It
   * decrypted fine; it is acknowledged and not stored.
   */
  'message:unsupported': (event: { id: string; chatId: string; from: PeerAddress; sentAt: number }) => void;
  /**
   * An action was refused: an edit or delete by someone who may not, a reaction by a non-member,
   * an action on a message of another chat or past its window. Nothing changed.
   */
  'action:refused': (event: { id: string; from: PeerAddress; targetId: string; kind: string; reason: string }) => void;
  /** A chat's disappearing-messages timer changed (by this user or the peer; applies to messages sent afterwards). */
  'chat:setting': (event: { chatId: string; disappearingS: number; by: string }) => void;
  /** A message arrived that this device cannot read (undecodable or, with E2EE, undecryptable). */
  'message:undecryptable': (event: { id: string; from: PeerAddress; reason: string; retrying: boolean }) => void;
  /**
   * A contact's identity changed (reinstall, or an attack: compare safety numbers). `deviceId` 0: the
   * user's account key changed (their signed device list starts anew, the safety number changed);
   * otherwise one device presented a different identity key than before.
   */
  'identity:changed': (event: { userId: string; deviceId: number }) => void;
  /**
   * The verified devices of a user (a contact, or this user) changed: `added` appeared in the user's
   * signed device list (and registered), `removed` left it. `deviceIds` is the whole set now.
   */
  'devices:changed': (event: { userId: string; deviceIds: number[]; added: number[]; removed: number[] }) => void;
  /**
   * The server lists or delivers from a device that no signed record of its user added (or under
   * another key), or serves a device list that does not verify. Nothing is encrypted to or accepted
   * from such a device: a warning sign of a compromised or broken server. `deviceId` 0: the list itself.
   */
  'devices:flagged': (event: { userId: string; deviceId: number; reason: string }) => void;
  /**
   * A message this user sent was delivered to or read by its recipient (or read on another own device).
   * Never backwards. In a group, `by` is `'*'`: delivered to / read by every member who was in the group
   * when it was sent (ask `groups.receipts` for the per-member list).
   */
  'receipt:updated': (event: ReceiptUpdate) => void;
  /** A group this user is in changed (a verified, signed membership record was applied). */
  'group:updated': (event: GroupUpdate) => void;
  /**
   * The server delivered a group change that does not verify (unsigned, signed by a non-admin, breaking
   * the chain) or lists members no signed record added. The change is refused; this is a warning sign
   * of a compromised or broken server.
   */
  'group:flagged': (event: { groupId: string } & GroupFlag) => void;
  /** Someone invited this user to a group (stored; accept with `groups.acceptInvite(inviteId)`). */
  'group:invited': (invitation: GroupInvitation) => void;
  /**
   * An invitee accepted an invitation this device issued and the answer checked out: this device
   * then added them (`error` unset, and `group:updated` came first) or tried and failed (`error`).
   */
  'group:invite-accepted': (event: { inviteId: string; groupId: string; userId: string; error?: ParleyError }) => void;
  /**
   * A message from the outbox was durably stored by the server (also for messages re-sent after a
   * restart, and replayed at the next start when a crash came between storing the status and this
   * event: at least once, dedup by `id`).
   */
  'message:sent': (message: SentMessage) => void;
  /** A queued message was refused for good (e.g. UNKNOWN_RECIPIENT) and removed from the outbox. */
  'message:failed': (event: { id: string; chatId: string; error: ParleyError }) => void;
  /** Backlog drain after connecting: `done` once the server's SyncComplete arrived and this device's keys are published. */
  'sync:progress': (event: { received: number; pending: number; done: boolean }) => void;
  /** A subscribed user's presence changed (or became known on subscribe). `lastSeen` is undefined while online or when unknown. */
  'presence:changed': (event: PresenceChange) => void;
  /**
   * A peer started or stopped typing in a 1:1 chat (`chatId` is the peer's id) or a group (`chatId`
   * is the group's id); stops by itself after 10 s without refresh.
   */
  'typing:changed': (event: { chatId: string; userId: string; typing: boolean }) => void;
}
