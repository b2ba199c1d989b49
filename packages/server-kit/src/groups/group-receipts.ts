import type { parley } from '@parley/core';
import { isValidMessageId, ParleyError, pb } from '@parley/core';
import type { GroupReceiptStatus, GroupReceiptStore } from '../contracts/group-receipt-store.js';
import type { Logger } from '../contracts/logger.js';
import { type DeviceAddress, deviceKey } from '../contracts/types.js';
import { encodeQueueId, type QueueId, receiptQueueId } from '../messages/queue-id.js';
import { devicesOf, enqueueReceipt, type ReceiptPorts } from '../messages/receipts-handler.js';
import type { GroupMembership } from './group-send-handler.js';

/** What group receipts use: receipts, the members of a group and the per-member receipt cursors. */
export interface GroupReceiptsPorts extends ReceiptPorts {
  groups: GroupMembership;
  groupReceipts: GroupReceiptStore;
  logger: Logger;
}

const STATUS = {
  delivered: pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED,
  read: pb.ReceiptStatus.RECEIPT_STATUS_READ,
} as const;

const MAX_IDS = 1000;

type GroupId = Extract<QueueId, { kind: 'group' }>;

/** A group message counts as delivered to a member other than its sending user. */
const counts = (acker: DeviceAddress, parsed: QueueId | undefined): parsed is GroupId =>
  parsed?.kind === 'group' && parsed.sender.userId !== acker.userId;

const DONE: Promise<void> = Promise.resolve();

/** The latest counted message per group and sending device among `acked` (a cursor moves to it). */
function latestPerSender(acker: DeviceAddress, acked: ReadonlyArray<QueueId | undefined>): Iterable<GroupId> {
  const latest = new Map<string, GroupId>();
  for (const parsed of acked) {
    if (!counts(acker, parsed)) continue;
    const key = `${parsed.groupId}\u0000${deviceKey(parsed.sender)}`;
    const seen = latest.get(key);
    if (!seen || parsed.messageId > seen.messageId) latest.set(key, parsed);
  }
  return latest.values();
}

/**
 * Group receipts from per-member cursors: acknowledgements and read receipts move a member's cursor
 * for the sending device, and whenever the lowest cursor over the members moves, the sender's devices
 * get one "delivered to all" / "read by all" event. Nothing here looks inside a message.
 */
export class GroupReceipts {
  /** Aggregate checks per (group, sending device): one runs at a time, a request during it runs once more after. */
  private readonly checks = new Map<string, { again: boolean }>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly ctx: GroupReceiptsPorts) {}

  /**
   * A member device acknowledged queue entries: group messages among them count as delivered. Every
   * cursor move is started before this returns (so it shares a batch with an ack made in the same
   * turn, see `deliverAck`); resolves once they are durable.
   */
  delivered(acker: DeviceAddress, acked: ReadonlyArray<QueueId | undefined>): Promise<void> {
    // A member acking one group message (most acks of a fan-out): no grouping, no closures.
    if (acked.length === 1) {
      const only = acked[0];
      return counts(acker, only) ? this.move(acker, only) : DONE;
    }
    return Promise.all(Array.from(latestPerSender(acker, acked), (parsed) => this.move(acker, parsed))).then(
      () => undefined,
    );
  }

  /**
   * Whether {@link deliveredInBatch} may be used: the store moves cursors in batches with an answer
   * shared per message (`GroupReceiptStore.advanceInBatch`).
   */
  get batched(): boolean {
    return this.ctx.groupReceipts.advanceInBatch !== undefined;
  }

  /**
   * {@link delivered} for a caller whose ack commits in the same batch as the cursors (the stores'
   * `sharedCommit`), so the ack's own outcome is the cursors' too: nothing to wait for per member.
   * The moves are made now (this turn, so they join the ack's batch); the aggregate is checked once
   * per batch and message that moved a cursor. Only when {@link batched}.
   */
  deliveredInBatch(acker: DeviceAddress, acked: ReadonlyArray<QueueId | undefined>): void {
    if (acked.length === 1) {
      const only = acked[0];
      if (counts(acker, only)) this.moveInBatch(acker, only);
      return;
    }
    for (const parsed of latestPerSender(acker, acked)) this.moveInBatch(acker, parsed);
  }

  /** The shared answer watched last: the members of a fan-out share one, watched once. */
  private watched: Promise<boolean> | undefined;

  private moveInBatch(acker: DeviceAddress, parsed: GroupId): void {
    const { groupId, sender, messageId } = parsed;
    const moved = this.ctx.groupReceipts.advanceInBatch?.(groupId, sender, acker.userId, 'delivered', messageId);
    if (!moved || moved === this.watched) return;
    this.watched = moved;
    moved.then(
      (any) => {
        if (any) this.check(groupId, sender);
      },
      // The batch failed: the acks made with it fail too and are tried again, moving the cursors then.
      (error) => this.ctx.logger.debug('group receipt cursors not stored', { error: String(error) }),
    );
  }

  /** Moves `acker`'s delivered cursor for the message's sending device; a move may change the aggregate. */
  private async move(acker: DeviceAddress, { groupId, sender, messageId }: GroupId): Promise<void> {
    if (await this.ctx.groupReceipts.advance(groupId, sender, acker.userId, 'delivered', messageId)) {
      this.check(groupId, sender);
    }
  }

  /**
   * "I read these group messages": moves the reader's read cursor for the sending device and tells the
   * reader's other devices (so their unread counts clear). The sender hears only the aggregate.
   */
  async read(reader: DeviceAddress, receipt: parley.v1.Receipt.$Properties): Promise<void> {
    const groupId = receipt.groupId;
    const ids = receipt.messageIds ?? [];
    const senderUser = receipt.senderUserId;
    if (!groupId || !senderUser)
      throw new ParleyError('INVALID_ARGUMENT', 'a group receipt names the group and the sender');
    if (ids.length === 0 || ids.length > MAX_IDS || !ids.every(isValidMessageId)) {
      throw new ParleyError('INVALID_ARGUMENT', `1-${MAX_IDS} valid message ids`);
    }
    const group = await this.ctx.groups.get(groupId);
    if (!group?.members.some((m) => m.userId === reader.userId)) {
      throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
    }
    const sender = { userId: senderUser, deviceId: receipt.senderDeviceId ?? 0 };
    const upTo = [...ids].sort().pop() as string; // ids are strings: the latest sorts last
    const status = pb.ReceiptStatus.RECEIPT_STATUS_READ;
    const own = (await devicesOf(this.ctx, reader.userId)).filter((d) => d.deviceId !== reader.deviceId);
    const id = receiptQueueId(reader.userId, 'read', ids, groupId);
    await enqueueReceipt(this.ctx, own, id, {
      messageIds: ids,
      status,
      byUserId: reader.userId,
      groupId,
      peerUserId: senderUser,
      at: this.ctx.clock(),
    });
    if (sender.userId === reader.userId) return;
    if (await this.ctx.groupReceipts.advance(groupId, sender, reader.userId, 'read', upTo)) this.check(groupId, sender);
  }

  /** The per-member list for one of the requester's own messages. */
  async list(
    requester: DeviceAddress,
    request: parley.v1.GroupReceiptsRequest.$Properties,
  ): Promise<parley.v1.GroupReceipts.$Properties> {
    const groupId = request.groupId;
    const messageId = request.messageId ?? '';
    if (!groupId || !isValidMessageId(messageId))
      throw new ParleyError('INVALID_ARGUMENT', 'group id and message id required');
    const group = await this.ctx.groups.get(groupId);
    if (!group?.members.some((m) => m.userId === requester.userId)) {
      throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
    }
    // Only the sending user asks about its own messages: the sender is always the requester's user.
    const sender = { userId: requester.userId, deviceId: request.senderDeviceId || requester.deviceId };
    const members = await this.ctx.groupReceipts.members(groupId, sender, messageId);
    const code = { sent: pb.ReceiptStatus.RECEIPT_STATUS_SENT, ...STATUS };
    return { members: members.map((m) => ({ userId: m.userId, status: code[m.status] })) };
  }

  /** Settles pending aggregate checks (for a graceful stop and for tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Recomputes the aggregate soon; concurrent requests for one sender collapse into one rerun. */
  private check(groupId: string, sender: DeviceAddress): void {
    const key = `${groupId}\u0000${deviceKey(sender)}`;
    const pending = this.checks.get(key);
    if (pending) {
      pending.again = true;
      return;
    }
    const state = { again: false };
    this.checks.set(key, state);
    const run = (async () => {
      try {
        do {
          state.again = false;
          await this.announce(groupId, sender);
        } while (state.again);
      } catch (error) {
        this.ctx.logger.warn('group receipt aggregate failed', { error: String(error) });
      } finally {
        this.checks.delete(key);
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async announce(groupId: string, sender: DeviceAddress): Promise<void> {
    const aggregate = await this.ctx.groupReceipts.aggregate(groupId, sender);
    for (const status of ['delivered', 'read'] as GroupReceiptStatus[]) {
      const upTo = aggregate[status];
      if (!upTo || !(await this.ctx.groupReceipts.announce(groupId, sender, status, upTo))) continue;
      const id = encodeQueueId({ kind: 'groupAggregate', groupId, senderDeviceId: sender.deviceId, status, upTo });
      await enqueueReceipt(this.ctx, await devicesOf(this.ctx, sender.userId), id, {
        messageIds: [upTo],
        status: STATUS[status],
        groupId,
        allMembers: true,
        senderDeviceId: sender.deviceId,
        at: this.ctx.clock(),
      });
    }
  }
}
