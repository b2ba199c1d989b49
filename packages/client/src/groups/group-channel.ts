import { isParleyError, ParleyError, type parley, pb } from '@parley/core';
import {
  createSenderKeyDistribution,
  decrypt,
  fromPayloadType,
  groupDecrypt,
  groupEncrypt,
  padContent,
  processSenderKeyDistribution,
  type SignalAddress,
  unpadContent,
} from '@parley/core/crypto';
import type { Clock } from '../clock.js';
import type { DeviceLists } from '../e2ee/device-lists.js';
import type { Encryptor } from '../e2ee/encryptor.js';
import { addressKey, txSignalStore } from '../e2ee/tx-signal-store.js';
import type { Opened } from '../inbox.js';
import { recordSentTargets } from '../messages/sent-targets.js';
import type { SendRecord } from '../outbox/outbox-record.js';
import { saveRecord } from '../outbox/outbox-store.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { getGroup, isMember, putOwnSenderKey } from './group-book.js';
import { ownSenderKey, txSenderKeyStore } from './group-sender-keys.js';

export interface GroupChannelOptions {
  store: ClientStore;
  self: SignalAddress;
  lists: DeviceLists;
  encryptor: Encryptor;
  clock: Clock;
  /** How long the devices a message was sent to are kept for retry requests (the resend window). */
  resendWindowMs: number;
}

/**
 * Group messages with Sender Keys: one ciphertext for every member device, plus our sender key
 * handed pairwise (inside the Signal session) to each verified member device that does not have it
 * yet. Only members of the verified group state ever get the key, whatever the server claims.
 */
export class GroupChannel {
  constructor(private readonly o: GroupChannelOptions) {}

  /** Outbox hook for a group message: encrypts it once, and the key distributions it needs. */
  async prepare(record: SendRecord): Promise<parley.v1.Send.$Properties> {
    if (record.send.shared) return record.send; // prepared before: resend the same bytes
    const groupId = record.send.groupId ?? '';
    const content = record.content;
    const { self, store } = this.o;
    const group = await store.transaction((tx) => getGroup(tx, groupId));
    if (!isMember(group, self.userId)) throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
    const targets: SignalAddress[] = [];
    for (const member of group.snapshot.members) {
      for (const d of await this.o.lists.get(member.userId)) {
        if (member.userId !== self.userId || d.deviceId !== self.deviceId) {
          targets.push({ userId: member.userId, deviceId: d.deviceId });
        }
      }
    }
    const { own, distribution } = await store.transaction(async (tx) => {
      const key = await ownSenderKey(tx, groupId);
      return {
        own: key,
        distribution: await createSenderKeyDistribution(txSenderKeyStore(tx), self, key.distributionId),
      };
    });
    const need = targets.filter((t) => !own.distributedTo.includes(addressKey(t)));
    const keyContent = pb.Content.encode({ senderKeyDistribution: { groupId, message: distribution } }).finish();
    await this.o.encryptor.encrypt(need, keyContent, async (tx, copies) => {
      const current = await ownSenderKey(tx, groupId);
      if (current.distributionId !== own.distributionId) {
        // The key rotated meanwhile (a member left): prepare again under the new one.
        throw new ParleyError('UNAVAILABLE', 'sender key rotated while preparing', { retryable: true });
      }
      const ciphertext = await groupEncrypt(txSenderKeyStore(tx), self, own.distributionId, padContent(content));
      const reached = copies.map((c) => addressKey({ userId: c.to?.userId ?? '', deviceId: c.to?.deviceId ?? 0 }));
      await putOwnSenderKey(tx, groupId, {
        ...current,
        distributedTo: [...new Set([...current.distributedTo, ...reached])],
      });
      record.send = {
        ...record.send,
        copies,
        shared: { type: pb.PayloadType.PAYLOAD_TYPE_SENDER_KEY_MESSAGE, data: ciphertext },
      };
      await saveRecord(tx, record);
      // Every member device of this verified version was meant to read it: only they may ask for a resend.
      await recordSentTargets(tx, record.send.messageId ?? record.id, {
        devices: targets,
        at: this.o.clock.now(),
        groupVersion: group.snapshot.version,
        keepMs: this.o.resendWindowMs,
      });
    });
    return record.send;
  }

  /** Inbox hook for a group envelope: takes the sender's key if one came along, then decrypts. */
  async open(
    tx: StoreTx,
    groupId: string,
    envelope: parley.v1.Envelope.$Properties,
    payload: parley.v1.Payload.$Properties,
    from: SignalAddress,
  ): Promise<Opened> {
    const group = await getGroup(tx, groupId);
    if (!isMember(group, from.userId)) {
      return { kind: 'failed', reason: 'the sender is not a member of the group', retry: false };
    }
    const distribution = envelope.senderKeyDistribution;
    if (distribution?.data?.byteLength) await this.takeDistribution(tx, groupId, distribution, from);
    if (payload.type !== pb.PayloadType.PAYLOAD_TYPE_SENDER_KEY_MESSAGE) {
      return { kind: 'failed', reason: 'group messages must be sender-key encrypted', retry: false };
    }
    try {
      const { plaintext } = await groupDecrypt(txSenderKeyStore(tx), from, payload.data ?? new Uint8Array());
      let content: Uint8Array;
      try {
        content = unpadContent(plaintext);
      } catch {
        return { kind: 'failed', reason: 'malformed padding', retry: false };
      }
      return { kind: 'content', content, groupId };
    } catch (error) {
      if (!isParleyError(error, 'DECRYPTION_FAILED')) throw error; // store trouble: redeliver later
      const reason = (error.details as { reason?: string } | undefined)?.reason ?? 'invalid-message';
      if (reason === 'duplicate') return { kind: 'duplicate' };
      return { kind: 'failed', reason, retry: reason !== 'unsupported-version' };
    }
  }

  /**
   * A sender key distribution, pairwise encrypted. A bad one is dropped: the message then fails to
   * decrypt and the retry path asks the sender again.
   */
  private async takeDistribution(
    tx: StoreTx,
    groupId: string,
    payload: parley.v1.Payload.$Properties,
    from: SignalAddress,
  ): Promise<void> {
    const type = fromPayloadType(payload.type ?? 0);
    if (!type) return;
    try {
      const { plaintext } = await decrypt(txSignalStore(tx), from, type, payload.data ?? new Uint8Array());
      const content = pb.Content.decode(unpadContent(plaintext));
      const message = content.senderKeyDistribution;
      if (content.body !== 'senderKeyDistribution' || message?.groupId !== groupId) return;
      await processSenderKeyDistribution(txSenderKeyStore(tx), from, message.message ?? new Uint8Array());
    } catch (error) {
      if (isParleyError(error) && error.code !== 'STORE_FAILED') return;
      if (!isParleyError(error) && error instanceof Error && /decode|invalid|index out of range/i.test(error.message))
        return;
      throw error;
    }
  }
}
