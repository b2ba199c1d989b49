import type { LeadWriter } from './group-commit.js';

/** A (group, sending device) whose head row is written. */
export type HeadKey = [groupId: string, senderUser: string, senderDevice: number];

/** Writes a group send's head in the open transaction (the store's `sent` without a transaction of its own). */
export type SyncHead = (key: HeadKey, messageId: string, members: readonly string[], version: number) => void;

/** Most (group, sending device) versions remembered; past it they are forgotten and read again. */
const MAX_KNOWN = 10_000;

/**
 * The group receipt heads of a group's sends (`GroupReceiptStore.sent`), written as a lead write of
 * the group commit when the members are already counted at the send's group version: the head only
 * records the send then, in the same batch as the send's queue entries, and the send need not wait
 * for a commit of its own first. That wait was a job of the batch, and any job ends a fan-out hold
 * (`Committer.joined`): a group message sent while the previous one's batch held for its members'
 * acks made that batch commit at once, writing (and then deleting) an entry per member still
 * acking (issue 15 aim 4: a third of the entries of `bench:groups`' burst of 5). A send at a version
 * not yet counted takes the store's transaction as before, and its version is known once committed.
 */
export class GroupReceiptHeads implements LeadWriter {
  private pending: Array<{ key: HeadKey; messageId: string; members: readonly string[]; version: number }> = [];
  /** The members version whose member rows are committed, per (group, sending device). */
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly sync: SyncHead,
    /** The committer must flush: this has work. */
    private readonly touch: () => void,
  ) {}

  private static id(key: HeadKey): string {
    return `${key[0]}\u0000${key[1]}\u0000${key[2]}`;
  }

  /**
   * Records the send in the coming batch when its version's members are counted already; false
   * when they may not be (the caller then syncs them in a transaction of its own).
   */
  inBatch(key: HeadKey, messageId: string, members: readonly string[], version: number): boolean {
    if (this.versions.get(GroupReceiptHeads.id(key)) !== version) return false;
    this.pending.push({ key, messageId, members, version });
    this.touch();
    return true;
  }

  /** The members of (group, sending device) at `version` are committed (after the store's own transaction). */
  counted(key: HeadKey, version: number): void {
    if (this.versions.size >= MAX_KNOWN) this.versions.clear();
    this.versions.set(GroupReceiptHeads.id(key), version);
  }

  hasWork(): boolean {
    return this.pending.length > 0;
  }

  /** Each send's head in call order; `sync` checks the version again, so a head is never written wrong. */
  write(): void {
    for (const { key, messageId, members, version } of this.pending) this.sync(key, messageId, members, version);
  }

  done(): void {
    this.pending = [];
  }
}
