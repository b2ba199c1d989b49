// The first line of defence of every route: each id, string and list a request carries is checked
// against one rule before any handler (or the app's middleware) sees it. The map has an entry for
// every request case, so a new body does not compile until someone decided what it may carry.
import { isValidMessageId, ParleyError } from '@parley/core';
import { isValidGroupId, isValidGroupUserId } from '@parley/core/groups';
import type { ServerLimits } from '../contracts/limits.js';
import type { RequestCase, RequestOf } from './routes.js';

/** The user id rule, everywhere a frame names a user: the one Hello applies (1-128 UTF-16 code units, no control characters). */
export const isValidUserId = isValidGroupUserId;

/** What the checks read from the limits. */
export type RequestCheckLimits = Pick<ServerLimits, 'maxIdsPerRequest'>;

type Check<C extends RequestCase> = (request: RequestOf<C>, limits: RequestCheckLimits) => void;
type RequestChecks = { [C in RequestCase]: Check<C> };

const invalid = (message: string) => new ParleyError('INVALID_ARGUMENT', message);

function userId(id: string | null | undefined, field: string): void {
  if (id !== undefined && id !== null && id !== '' && !isValidUserId(id)) {
    throw invalid(`${field} must be 1-128 characters without control characters`);
  }
}

function groupId(id: string | null | undefined, field: string): void {
  if (id !== undefined && id !== null && id !== '' && !isValidGroupId(id)) {
    throw invalid(`${field} must be 1-64 printable ASCII characters`);
  }
}

function messageId(id: string | null | undefined, field: string): void {
  if (id !== undefined && id !== null && id !== '' && !isValidMessageId(id)) {
    throw invalid(`${field} must be 1-64 printable ASCII characters`);
  }
}

function count(list: readonly unknown[] | null | undefined, field: string, limits: RequestCheckLimits): void {
  if ((list?.length ?? 0) > limits.maxIdsPerRequest) throw invalid(`at most ${limits.maxIdsPerRequest} ${field}`);
}

function userIds(ids: readonly string[] | null | undefined, field: string, limits: RequestCheckLimits): void {
  count(ids, field, limits);
  for (const id of ids ?? []) {
    if (!isValidUserId(id)) throw invalid(`every one of ${field} must be 1-128 characters without control characters`);
  }
}

function text(value: string | null | undefined, field: string, max: number): void {
  if ((value?.length ?? 0) > max) throw invalid(`${field} is at most ${max} characters`);
}

/** Longest push provider name and push token (APNs tokens are 64 hex, FCM about 160 characters). */
const MAX_PUSH_PROVIDER = 64;
const MAX_PUSH_TOKEN = 4_096;
/** Longest media blob id (the server makes them; anything longer is not one). */
const MAX_BLOB_ID = 128;

const nothing = () => {};

const CHECKS: RequestChecks = {
  send: (r, limits) => {
    messageId(r.messageId, 'message_id');
    userId(r.userId, 'user_id');
    groupId(r.groupId, 'group_id');
    count(r.copies, 'device copies', limits);
    for (const copy of r.copies ?? []) userId(copy.to?.userId, 'a device copy address');
  },
  deliverAck: nothing, // bounded by the delivery window (see built-in-routes)
  receipt: (r, limits) => {
    userId(r.userId, 'user_id');
    groupId(r.groupId, 'group_id');
    userId(r.senderUserId, 'sender_user_id');
    count(r.messageIds, 'message ids', limits);
  },
  presenceSubscribe: (r, limits) => userIds(r.userIds, 'user ids', limits),
  presenceUnsubscribe: (r, limits) => userIds(r.userIds, 'user ids', limits),
  setActive: nothing,
  setPrivacy: nothing,
  setContacts: (r, limits) => userIds(r.userIds, 'user ids', limits),
  typing: (r) => {
    userId(r.userId, 'user_id');
    groupId(r.groupId, 'group_id');
  },
  registerPushToken: (r) => {
    text(r.provider, 'provider', MAX_PUSH_PROVIDER);
    text(r.token, 'token', MAX_PUSH_TOKEN);
  },
  // The record is checked whole by the group record rules (members, names, ids), consents by the group route.
  groupChange: (r, limits) => count(r.consents, 'join consents', limits),
  groupGet: (r) => groupId(r.groupId, 'group_id'),
  groupList: (r) => groupId(r.cursor, 'cursor'), // the cursor is the last group id of a page
  groupHistory: (r) => groupId(r.groupId, 'group_id'),
  groupReceipts: (r) => {
    groupId(r.groupId, 'group_id');
    messageId(r.messageId, 'message_id');
  },
  keysUpload: nothing, // prekey counts and sizes are the key handler's (maxPreKeysPerUpload)
  keysFetch: (r, limits) => {
    userId(r.userId, 'user_id');
    count(r.deviceIds, 'device ids', limits);
  },
  keysCount: nothing,
  devicesGet: (r) => userId(r.userId, 'user_id'),
  // One encoded record, bounded by the frame size; the device-list handler verifies it whole.
  deviceListAppend: nothing,
  deviceRemove: nothing,
  mediaUpload: nothing,
  mediaDownload: (r) => text(r.blobId, 'blob_id', MAX_BLOB_ID),
  mediaDelete: (r) => text(r.blobId, 'blob_id', MAX_BLOB_ID), // the token is checked by the media route
};

/** Refuses (INVALID_ARGUMENT) a request carrying an id, string or list outside the rules. */
export function checkRequest<C extends RequestCase>(c: C, request: RequestOf<C>, limits: RequestCheckLimits): void {
  (CHECKS[c] as Check<C>)(request, limits);
}
