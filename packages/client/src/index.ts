export { type ErrorCode, isParleyError, ParleyError } from '@parley/core';
export type { MessageActionsApi, SendTextOptions } from './actions/actions-api.js';
export type { BackoffOptions } from './backoff.js';
export { type ClientOptions, createClient, type OutgoingMessage, ParleyClient } from './client.js';
export type { Clock } from './clock.js';
export type { DeviceInfo } from './devices/device-info.js';
export type {
  ClientEvents,
  ConnectionState,
  MessageContent,
  MessageReaction,
  PeerAddress,
  ReceiptUpdate,
  ReceivedMessage,
  SendableContent,
  SentMessage,
} from './events.js';
export type { GroupFlag } from './groups/group-book.js';
export type { GroupInvitation } from './groups/group-invites.js';
export type { GroupAction, GroupInfo, GroupUpdate } from './groups/group-manager.js';
export type { GroupsApi } from './groups/groups-api.js';
export type { ChatListOptions, ChatListPage, ChatSummary, ChatsApi } from './history/chats-api.js';
export type { HistoryPage, MessageHistory, PageOptions } from './history/message-history.js';
export type { SearchOptions } from './history/search.js';
export type { Logger } from './logger.js';
export {
  MEDIA_LIMITS,
  type MediaAttachment,
  type MediaData,
  type MediaKind,
  type MediaMetadata,
  type SendMediaOptions,
} from './media/attachment.js';
export { type MediaSpool, type MediaSpoolWriter, memoryMediaSpool } from './media/spool.js';
export type { StoredMessage } from './messages/message-store.js';
export type { MessageStatus } from './messages/receipts.js';
export type { SendHandle } from './messages/send-content.js';
export type { UnsentApi } from './messages/unsent-api.js';
export type { SendResult } from './outbox/outbox.js';
export type { PresenceApi, PresenceChange, PresenceInfo } from './presence.js';
export {
  type ClientStore,
  keyAfter,
  type ListOptions,
  type StoreTx,
  type StoreValue,
  storeGet,
} from './stores/client-store.js';
export { memoryClientStore } from './stores/memory-store.js';
export type { WebSocketConstructor, WebSocketLike } from './websocket-like.js';
