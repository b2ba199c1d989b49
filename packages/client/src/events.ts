import type { ParleyError } from '@parley/core';
import type { GroupFlag } from './groups/group-book.js';
import type { GroupUpdate } from './groups/group-manager.js';
import type { MediaAttachment } from './media/attachment.js';

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What a message carries, decoded. Media: fetch the file with `client.downloadMedia(message)`. */
export type MessageContent = { kind: 'text'; text: string } | { kind: 'media'; media: MediaAttachment };

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
  'receipt:updated': (event: {
    chatId: string;
    messageId: string;
    status: 'delivered' | 'read';
    by: string;
    at: number;
  }) => void;
  /** A group this user is in changed (a verified, signed membership record was applied). */
  'group:updated': (event: GroupUpdate) => void;
  /**
   * The server delivered a group change that does not verify (unsigned, signed by a non-admin, breaking
   * the chain) or lists members no signed record added. The change is refused; this is a warning sign
   * of a compromised or broken server.
   */
  'group:flagged': (event: { groupId: string } & GroupFlag) => void;
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
  'presence:changed': (event: { userId: string; online: boolean; lastSeen: number | undefined }) => void;
  /** A peer started or stopped typing in a 1:1 chat (`chatId` is the peer's id); stops by itself after 10 s without refresh. */
  'typing:changed': (event: { chatId: string; userId: string; typing: boolean }) => void;
}
