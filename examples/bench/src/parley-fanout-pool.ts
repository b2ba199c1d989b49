// The Parley side of the groups bench: N member devices (one per user, keys published so group
// fan-out reaches them) and one sender device, all raw protocol clients in this process. The sender
// sends one group message (one Send, one shared payload) or the same payload 1:1 to every member
// (one Send per member with one device copy, as end-to-end encrypted 1:1 messaging does).
import { type parley, pb } from '@parley/core';
import type { FanoutSystem } from './fanout-run.js';
import type { FanoutTracker } from './fanout-tracker.js';
import { noteSample, type TargetCounters } from './load.js';
import {
  ACK_DELIVERED,
  BenchDevice,
  closeDevices,
  connectDevices,
  type DeviceOwner,
  keepAlive,
  type ParleyIdentity,
} from './parley-bench-client.js';

const SIGNAL_MESSAGE = pb.PayloadType.PAYLOAD_TYPE_SIGNAL_MESSAGE;
const SENDER_KEY_MESSAGE = pb.PayloadType.PAYLOAD_TYPE_SENDER_KEY_MESSAGE;
const DELIVERED = pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED;

/** Message ids sort like their sequence numbers (group receipts compare ids as strings). */
const pad = (seq: number) => String(seq).padStart(10, '0');
const groupMessageId = (seq: number) => `g${pad(seq)}`;
const directMessageId = (seq: number, member: number) => `d${pad(seq)}.${member}`;
/** The sequence number in a bench message id; NaN for another id. */
const seqOf = (id: string) => Number(id.slice(1, 11));

/** Per message: SendAcks and delivered receipts the sender got back. */
interface SenderView {
  acks: number;
  lastAckAt: number;
  receipts: number;
}

export class FanoutPool implements DeviceOwner {
  readonly counters: TargetCounters = { sent: 0, acked: 0, errors: 0, disconnects: 0, refused: 0 };
  /** Every copy must arrive: a send refused by load shedding is written again after its retry-after. */
  readonly resendRefused = true;
  readonly errorSamples = new Map<string, number>();
  closing = false;
  readonly members: BenchDevice[];
  readonly sender: BenchDevice;
  private stopKeepAlive: (() => void) | undefined;
  private readonly views = new Map<number, SenderView>();
  /** Highest group message the sender heard "delivered to all" for. */
  private groupDeliveredUpTo = -1;
  constructor(
    members: ParleyIdentity[],
    sender: ParleyIdentity,
    readonly tracker: FanoutTracker,
  ) {
    // Registration ids are opaque to the server; any non-zero value marks published keys.
    this.members = members.map((identity, i) => new BenchDevice(this, identity, i, i + 1));
    this.sender = new BenchDevice(this, sender, members.length, members.length + 1);
  }

  /** Connects (and registers, publishing keys) the sender and every member. */
  async connect(url: string): Promise<void> {
    await connectDevices([this.sender, ...this.members], url);
    this.stopKeepAlive = keepAlive([this.sender, ...this.members]);
  }

  /** Closes every member connection (the sender stays): members are offline from then on. */
  async disconnectMembers(): Promise<void> {
    this.closing = true;
    await closeDevices(this.members);
    this.closing = false;
  }

  /** Reconnects every member; the server then drains their queues. */
  async reconnectMembers(url: string): Promise<void> {
    await connectDevices(this.members, url);
  }

  /** Message `seq` to the group: one Send with the one sender-key ciphertext. */
  sendGroup(groupId: string, seq: number): void {
    this.views.set(seq, { acks: 0, lastAckAt: Number.NaN, receipts: 0 });
    this.sender.submit({
      messageId: groupMessageId(seq),
      groupId,
      shared: { type: SENDER_KEY_MESSAGE, data: this.payloadOf(seq) },
    });
  }

  /** Message `seq` 1:1 to every member: one Send per member, each with one device copy. */
  sendDirect(seq: number): void {
    this.views.set(seq, { acks: 0, lastAckAt: Number.NaN, receipts: 0 });
    const data = this.payloadOf(seq);
    for (const [i, member] of this.members.entries()) {
      this.sender.submit({
        messageId: directMessageId(seq, i),
        userId: member.identity.userId,
        copies: [
          {
            to: { userId: member.identity.userId, deviceId: 1 },
            registrationId: member.registrationId,
            payload: { type: SIGNAL_MESSAGE, data },
          },
        ],
        // As the JS client sends every 1:1 message (PARLEY_BENCH_ACK_DELIVERED=off: without).
        ...(ACK_DELIVERED ? { ackDelivered: true } : {}),
      });
    }
  }

  /**
   * The payload of message `seq`, in a buffer of its own: a Send refused with OVERLOADED is kept
   * and written again later (`resendRefused`), so its bytes must not be those of a later message.
   * (A buffer reused for every message did that: each resent copy arrived stamped with a later
   * seq, counted as a duplicate of that one while its own went missing.)
   */
  private payloadOf(seq: number): Uint8Array {
    const payload = new Uint8Array(this.tracker.size);
    this.tracker.write(payload, 0, seq);
    return payload;
  }

  /** SendAcks received for message `seq` (1 for a group message, one per member 1:1). */
  acksOf(seq: number): number {
    return this.views.get(seq)?.acks ?? 0;
  }

  /** The group message as a fan-out system: settled once stored and "delivered to all" came back. */
  groupSystem(groupId: string): FanoutSystem {
    return {
      name: 'group',
      send: (seq) => this.sendGroup(groupId, seq),
      settled: (seq) => this.acksOf(seq) === 1 && this.groupDeliveredUpTo >= seq,
      storedAt: (seq) => this.storedAt(seq, 1),
      pending: () => this.pending(),
      refused: () => this.counters.refused,
    };
  }

  /** 1:1 sends as a fan-out system: settled once every copy is stored and every delivered receipt came back. */
  directSystem(): FanoutSystem {
    const n = this.members.length;
    return {
      name: '1:1',
      send: (seq) => this.sendDirect(seq),
      settled: (seq) => this.acksOf(seq) === n && (this.views.get(seq)?.receipts ?? 0) >= n,
      storedAt: (seq) => this.storedAt(seq, n),
      pending: () => this.pending(),
      refused: () => this.counters.refused,
    };
  }

  private storedAt(seq: number, copies: number): number {
    const view = this.views.get(seq);
    return view && view.acks >= copies ? view.lastAckAt : Number.NaN;
  }

  private pending(): number {
    return this.counters.sent - this.counters.acked - this.counters.errors;
  }

  onEnvelope(device: BenchDevice, envelope: parley.v1.Envelope.$Properties): void {
    if (device !== this.sender) {
      const data = envelope.message?.data;
      if (data) this.tracker.receive(data, device.index);
      return;
    }
    const receipt = envelope.receipt;
    if (!receipt || receipt.status !== DELIVERED) return;
    const ids = receipt.messageIds ?? [];
    if (receipt.allMembers) {
      // "Delivered to all" up to and including message_ids[0].
      const upTo = seqOf(ids[0] ?? '');
      if (upTo > this.groupDeliveredUpTo) this.groupDeliveredUpTo = upTo;
      return;
    }
    for (const id of ids) {
      const view = this.views.get(seqOf(id));
      if (view) view.receipts++;
    }
  }

  onSendAck(_device: BenchDevice, ack: parley.v1.SendAck.$Properties): void {
    const view = this.views.get(seqOf(ack.messageId ?? ''));
    if (!view) return;
    view.acks++;
    if (ack.deliveredAt) view.receipts++; // the delivered receipt came in the SendAck
    view.lastAckAt = performance.now();
  }

  noteError(text: string): void {
    noteSample(this.errorSamples, text);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopKeepAlive?.();
    await closeDevices([this.sender, ...this.members]);
  }
}
