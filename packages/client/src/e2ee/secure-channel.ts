import { bytesEqual, isParleyError, ParleyError, type parley, pb } from '@parley/core';
import {
  decrypt,
  deleteSession,
  fromPayloadType,
  type IdentityChange,
  type SignalAddress,
  unpadContent,
} from '@parley/core/crypto';
import type { Clock } from '../clock.js';
import type { GroupChannel } from '../groups/group-channel.js';
import type { Opened } from '../inbox.js';
import { type Logger, warnOnFailure } from '../logger.js';
import type { ResendContent } from '../messages/resend-content.js';
import { type ResendPolicy, recordSentTargets } from '../messages/sent-targets.js';
import { encodeLane } from '../outbox/lane.js';
import type { NewRecord, ResendRecord, SendRecord } from '../outbox/outbox-record.js';
import { saveRecord } from '../outbox/outbox-store.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import type { DeviceLists } from './device-lists.js';
import type { AddressedBundle, Encryptor } from './encryptor.js';
import type { RetryLimiter } from './retry-limiter.js';
import { addressKey, txSignalStore } from './tx-signal-store.js';

export interface SecureChannelOptions {
  /** Group messages (Sender Keys). */
  groups: GroupChannel;
  store: ClientStore;
  self: SignalAddress;
  lists: DeviceLists;
  encryptor: Encryptor;
  /** Retry requests this device sends, per peer device. */
  retryLimiter: RetryLimiter;
  /** When a retry request is honoured (window, resends per device). */
  resendPolicy: ResendPolicy;
  /** Retry requests this device honours, per requesting device (checked before the store is read). */
  resendLimiter: RetryLimiter;
  /** Sends a direct control payload to one device (not through the outbox: it may be lost). */
  sendDirect(to: SignalAddress, payload: parley.v1.Payload.$Properties): Promise<void>;
  /** Queues a re-encrypted copy of one of our messages for the device that asked for it. */
  queueResend(record: NewRecord<ResendRecord>): Promise<void>;
  /**
   * Content bytes of a message this device sent, to re-encrypt for `requester`, with the resend's
   * attempt number; or why not (see messages/resend-content.ts: only for an original recipient,
   * within the window, a few times per device).
   */
  sentContent(messageId: string, requester: SignalAddress): Promise<ResendContent>;
  onIdentityChanged(change: IdentityChange): void;
  logger: Logger;
  clock: Clock;
}

/**
 * The end-to-end encrypted side of messaging: encrypts outbox records per device, decrypts
 * envelopes inside the inbox transaction, and runs the retry path for undecryptable messages.
 */
export class SecureChannel {
  /** Retry requests sent per message id (bounded), to number the attempts. */
  private readonly attempts = new Map<string, number>();

  constructor(private readonly o: SecureChannelOptions) {}

  /** Outbox hook: encrypts a record's content for every current device, stored with the record. */
  async prepare(record: SendRecord): Promise<parley.v1.Send.$Properties> {
    if (record.send.groupId) return this.o.groups.prepare(record);
    if (record.send.copies?.length) return record.send;
    const content = record.content;
    const resendTo = record.kind === 'resend' ? record.resendTo : undefined;
    const userId = record.kind === 'resend' ? record.resendTo.userId : record.chatId;
    let targets = resendTo ? [resendTo] : await this.o.encryptor.targets(userId);
    if (!resendTo && !targets.some((t) => t.userId === userId)) {
      // The cached list may predate the user's first device: ask the server before giving up.
      await this.o.lists.refresh(userId);
      targets = await this.o.encryptor.targets(userId);
      if (!targets.some((t) => t.userId === userId)) {
        throw new ParleyError('UNKNOWN_RECIPIENT', `user ${userId} has no device that can receive messages`);
      }
    }
    const copies = await this.o.encryptor.encrypt(
      targets,
      content,
      async (tx, built) => {
        record.send = { ...record.send, copies: built };
        await saveRecord(tx, record);
        // Only these devices may ask for this message again (a resend's own copy changes nothing).
        if (!resendTo) {
          const devices = built.map((c) => ({ userId: c.to?.userId ?? '', deviceId: c.to?.deviceId ?? 0 }));
          await recordSentTargets(tx, record.send.messageId ?? record.id, {
            devices,
            at: this.o.clock.now(),
            keepMs: this.o.resendPolicy.windowMs,
          });
        }
      },
      resendTo ? { rebuild: [resendTo] } : {},
    );
    if (!copies.some((c) => c.to?.userId === userId)) {
      throw new ParleyError('BAD_SIGNATURE', `no device of ${userId} offered a prekey bundle with a valid signature`);
    }
    return { ...record.send, copies };
  }

  /** Outbox hook: refresh the device lists DEVICES_MISMATCH names and drop the copies to rebuild them. */
  async onDevicesMismatch(record: SendRecord, details: unknown): Promise<void> {
    const d = (details ?? {}) as { missing?: SignalAddress[]; extra?: SignalAddress[]; stale?: SignalAddress[] };
    const users = new Set([...(d.missing ?? []), ...(d.extra ?? []), ...(d.stale ?? [])].map((a) => a.userId));
    for (const userId of users) await this.o.lists.refresh(userId);
    await this.o.store.transaction(async (tx) => {
      // A re-registered device has new keys: its old session is useless.
      for (const stale of d.stale ?? []) await deleteSession(txSignalStore(tx), stale);
      record.send = { ...record.send, copies: [] };
      await saveRecord(tx, record);
    });
  }

  /** Inbox hook: decrypts one envelope inside the inbox transaction. */
  async open(
    tx: StoreTx,
    envelope: parley.v1.Envelope.$Properties,
    payload: parley.v1.Payload.$Properties,
    from: SignalAddress,
  ): Promise<Opened> {
    // Nothing from a device its user's signed device list does not vouch for (see device-lists.ts).
    const verifiedKey = await this.o.lists.verifiedKey(tx, from);
    if (!verifiedKey) return this.unvouched(from, 'a device no signed record of its user added sent a message');
    const opened = await this.openVouched(tx, envelope, payload, from);
    const sessionKey = await txSignalStore(tx).loadIdentity(from);
    if (opened.kind === 'content' && sessionKey && !bytesEqual(sessionKey, verifiedKey)) {
      // Maybe the user started anew and this device has not seen the new list yet: fetch it, flag
      // the device if it still does not match, and ask for the message again (it comes under the
      // new session once the lists agree).
      const failed = warnOnFailure(this.o.logger, 'checking a sender key against its device list failed', { ...from });
      void this.o.lists
        .refresh(from.userId)
        .then(async (devices) => {
          const listed = devices.find((d) => d.deviceId === from.deviceId);
          if (!listed || !bytesEqual(listed.identityKey, sessionKey)) {
            this.unvouched(from, 'a message under an identity key the signed device list does not give');
          }
        })
        .catch(failed);
      return { kind: 'failed', reason: 'identity key not in the signed device list', retry: true };
    }
    return opened;
  }

  private unvouched(from: SignalAddress, reason: string): Opened {
    const flag = { userId: from.userId, deviceId: from.deviceId, reason };
    void this.o.lists.flag(flag).catch(warnOnFailure(this.o.logger, 'storing a device flag failed', { ...flag }));
    return { kind: 'failed', reason, retry: false };
  }

  private async openVouched(
    tx: StoreTx,
    envelope: parley.v1.Envelope.$Properties,
    payload: parley.v1.Payload.$Properties,
    from: SignalAddress,
  ): Promise<Opened> {
    if (envelope.groupId) return this.o.groups.open(tx, envelope.groupId, envelope, payload, from);
    if (payload.type === pb.PayloadType.PAYLOAD_TYPE_RETRY_REQUEST) return this.openRetryRequest(payload, from);
    const type = fromPayloadType(payload.type ?? pb.PayloadType.PAYLOAD_TYPE_UNSPECIFIED);
    if (!type) {
      const reason =
        payload.type === pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT
          ? 'unencrypted message refused'
          : 'unsupported payload type';
      return { kind: 'failed', reason, retry: false };
    }
    try {
      const result = await decrypt(txSignalStore(tx), from, type, payload.data ?? new Uint8Array());
      const change = result.identityChange;
      let content: Uint8Array;
      try {
        content = unpadContent(result.plaintext);
      } catch {
        // Decrypted but malformed: the sender's fault, never retryable and never a stall.
        return { kind: 'failed', reason: 'malformed padding', retry: false };
      }
      return change
        ? { kind: 'content', content, after: () => this.o.onIdentityChanged(change) }
        : { kind: 'content', content };
    } catch (error) {
      if (!isParleyError(error, 'DECRYPTION_FAILED')) throw error; // store trouble: redeliver later
      const reason = (error.details as { reason?: string } | undefined)?.reason ?? 'invalid-message';
      if (reason === 'duplicate') return { kind: 'duplicate' };
      return { kind: 'failed', reason, retry: reason !== 'unsupported-version' };
    }
  }

  /** After an undecryptable message: ask its sender to re-encrypt it for us (rate-limited per peer). */
  requestRetry(messageId: string, from: SignalAddress, registrationId: number): boolean {
    if (!this.o.retryLimiter.allow(addressKey(from))) return false;
    // Each request for the same message counts up, so each resend is its own queue entry.
    const attempt = (this.attempts.get(messageId) ?? 0) + 1;
    this.attempts.set(messageId, attempt);
    if (this.attempts.size > 1_000) this.attempts.delete(this.attempts.keys().next().value as string);
    const data = pb.RetryRequest.encode({ messageId, attempt, registrationId }).finish();
    void this.o
      .sendDirect(from, { type: pb.PayloadType.PAYLOAD_TYPE_RETRY_REQUEST, data })
      .catch(warnOnFailure(this.o.logger, 'sending a retry request failed', { messageId, from }));
    return true;
  }

  private openRetryRequest(payload: parley.v1.Payload.$Properties, from: SignalAddress): Opened {
    let request: parley.v1.RetryRequest;
    try {
      request = pb.RetryRequest.decode(payload.data ?? new Uint8Array());
    } catch {
      return { kind: 'failed', reason: 'malformed retry request', retry: false };
    }
    const failed = warnOnFailure(this.o.logger, 'resending a message on request failed', {
      messageId: request.messageId,
      from,
    });
    return { kind: 'control', handle: () => void this.resend(request, from).catch(failed) };
  }

  private async resend(request: parley.v1.RetryRequest, from: SignalAddress): Promise<void> {
    // The requester's `attempt` is not trusted: the sender counts resends itself (sent-targets.ts).
    const refuse = (reason: string) =>
      this.o.logger.info('retry request refused', { messageId: request.messageId, from, reason });
    if (!this.o.resendLimiter.allow(addressKey(from))) return refuse('rate-limited');
    const sent = await this.o.sentContent(request.messageId, from);
    if ('refused' in sent) return refuse(sent.refused); // never re-encrypt for a device it was not sent to
    const attempt = sent.attempt;
    await this.o.queueResend({
      id: request.messageId,
      lane: encodeLane({ kind: 'resend', to: { userId: from.userId, deviceId: from.deviceId } }),
      createdAt: this.o.clock.now(),
      kind: 'resend',
      resendTo: { userId: from.userId, deviceId: from.deviceId },
      content: sent.content,
      send: { messageId: request.messageId, userId: from.userId, direct: true, attempt },
    });
  }
}

export type { AddressedBundle };
