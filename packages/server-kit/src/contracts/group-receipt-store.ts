import type { DeviceAddress } from './types.js';

/** How far a member got with a sender's group messages. */
export type GroupReceiptStatus = 'delivered' | 'read';

/** One member's view of one message, as the per-member list reports it. */
export interface GroupMemberStatus {
  userId: string;
  status: 'sent' | GroupReceiptStatus;
}

/**
 * Group receipts as cursors, so nothing grows with the number of messages: per group and sending
 * device, each member has a `delivered` and a `read` cursor (the highest message id that reached that
 * state; message ids from one device increase, as UUIDv7 ids do). "Delivered to all" up to a message
 * is the lowest cursor over the members, computed without decrypting or listing messages.
 *
 * A member counts for a message only if they were a member when it was sent: `sent` starts counting a
 * new member from that message on, and stops counting members no longer listed.
 *
 * Every implementation guarantees:
 * - cursors only move forward; `read` implies `delivered`;
 * - `aggregate` is the minimum, over the counted members, of each member's cursor, where messages sent
 *   before a member started counting count as reached; undefined while no member is counted;
 * - `announce` is an atomic compare-and-set on a forward-only mark, so each aggregate step is announced once,
 *   even when several gateways race;
 * - sender devices and groups are independent of each other.
 */
export interface GroupReceiptStore {
  /** See `OfflineQueue.sharedCommit`: the same object as the queue's when their writes commit together. */
  readonly sharedCommit?: object;
  /**
   * A message from `sender` was fanned out to `members` (the other members' user ids at group version
   * `membersVersion`). When the version differs from the last one seen, members are synced: new ones
   * start counting with this message, departed ones are dropped.
   */
  sent(
    groupId: string,
    sender: DeviceAddress,
    messageId: string,
    members: string[],
    membersVersion: number,
  ): Promise<void>;
  /** Moves a member's cursor forward to `messageId` (never back). Returns whether it moved. */
  advance(
    groupId: string,
    sender: DeviceAddress,
    member: string,
    status: GroupReceiptStatus,
    messageId: string,
  ): Promise<boolean>;
  /**
   * Optional, for a store whose cursor moves commit in batches (`sharedCommit`): `advance` for a
   * caller that needs no answer of its own. Every call for the same message, status and sending
   * device in one batch gets the same promise, which resolves once the batch committed with whether
   * it moved any of their cursors: a fan-out's acks then cost no promise per member, and the caller
   * recomputes the aggregate once per batch, not once per member.
   */
  advanceInBatch?(
    groupId: string,
    sender: DeviceAddress,
    member: string,
    status: GroupReceiptStatus,
    messageId: string,
  ): Promise<boolean>;
  /** The highest message id every counted member has delivered / read (undefined: none yet, or no members). */
  aggregate(groupId: string, sender: DeviceAddress): Promise<{ delivered?: string; read?: string }>;
  /**
   * Records that the aggregate for `status` was announced up to `upTo`; true only when that moves the
   * announced mark forward (the caller then tells the sender), false when it was announced already.
   */
  announce(groupId: string, sender: DeviceAddress, status: GroupReceiptStatus, upTo: string): Promise<boolean>;
  /** Each counted member's status for one message (members who joined after it are not listed). */
  members(groupId: string, sender: DeviceAddress, messageId: string): Promise<GroupMemberStatus[]>;
}

/** A member's effective cursor: messages from before they were counted count as reached. @internal */
export const reached = (cursor: string, since: string): string => (cursor > since ? cursor : since);
