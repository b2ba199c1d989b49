import { isParleyError, newMessageId, oneof, ParleyError, type parley, pb, type ServerFrame } from '@parley/core';
import type { SignalAddress } from '@parley/core/crypto';
import { encodeGroupRecord, type GroupSnapshot, groupRecordHash, signGroupRecord } from '@parley/core/groups';
import type { Clock } from '../clock.js';
import type { DeviceLists } from '../e2ee/device-lists.js';
import { type Logger, warnOnFailure } from '../logger.js';
import type { ClientStore, StoreTx } from '../stores/client-store.js';
import { addFlag, type GroupFlag, getGroup, isMember, type LocalGroup, listGroups, putGroup } from './group-book.js';
import type { JoinConsent } from './group-invites.js';
import { checkRecord, type RecordOutcome } from './group-records.js';
import { rotateOwnSenderKey } from './group-sender-keys.js';

/** A group as the app sees it (the verified state). */
export interface GroupInfo {
  id: string;
  name: string;
  description: string;
  version: number;
  members: Array<{ userId: string; role: 'admin' | 'member' }>;
  createdBy: string;
  createdAt: number;
  /** The disappearing-messages timer in seconds (0: off), from the signed records: set by admins only. */
  disappearingS: number;
  /** Whether this user is still a member. */
  isMember: boolean;
  /** Changes the server delivered that did not verify (a compromised or buggy server). */
  flags: GroupFlag[];
}

/** What a signed group record did (the case of its `action`). */
export type GroupAction = NonNullable<parley.v1.GroupRecord['action']>;

/** A verified change to a group, as `group:updated` gives it. */
export interface GroupUpdate {
  group: GroupInfo;
  action: GroupAction;
  actor: string;
  userIds: string[];
}

export interface GroupManagerOptions {
  store: ClientStore;
  self: SignalAddress;
  /** The verified device lists: a record counts only from an actor device they vouch for. */
  lists: Pick<DeviceLists, 'noteDevice' | 'verifiedKey'>;
  identity(): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }>;
  request(body: Parameters<RequestFn>[0]): Promise<ServerFrame>;
  updated(event: GroupUpdate): void;
  flagged(event: { groupId: string } & GroupFlag): void;
  logger: Logger;
  clock: Clock;
  /** A verified `disappearing` record was applied, inside its transaction (`actions/group-timer.ts`). */
  timerChanged(tx: StoreTx, groupId: string, change: { version: number; at: number; seconds: number }): Promise<void>;
}

type RequestFn = (body: Record<string, unknown>) => Promise<ServerFrame>;
type Action = Omit<parley.v1.GroupRecord.$Properties, 'groupId' | 'version' | 'prevHash' | 'actor' | 'at'>;

export const toGroupInfo = (g: LocalGroup, selfUserId: string): GroupInfo => ({
  id: g.snapshot.groupId,
  name: g.snapshot.name,
  description: g.snapshot.description,
  version: g.snapshot.version,
  members: g.snapshot.members.map((m) => ({ userId: m.userId, role: m.role })),
  createdBy: g.snapshot.createdBy,
  createdAt: g.snapshot.createdAt,
  disappearingS: g.snapshot.disappearingS ?? 0,
  isMember: isMember(g, selfUserId),
  flags: g.flags,
});

const HISTORY_PAGE = 200;
/** Most `group_list` pages one sync reads (a hostile server cannot keep it paging forever). */
const MAX_LIST_PAGES = 10_000;

/**
 * Groups on this device: makes signed membership changes, and verifies every change the server hands
 * over (queued records, history on sync) before applying it. The server's own view of a group is never
 * trusted: it only carries records, and a record that does not verify is refused and flagged.
 */
export class GroupManager {
  constructor(private readonly o: GroupManagerOptions) {}

  async create(options: { name: string; members: string[]; description?: string }): Promise<GroupInfo> {
    const others = [...new Set(options.members)].filter((u) => u !== this.o.self.userId);
    const groupId = newMessageId();
    return this.change(groupId, () => ({
      create: {
        name: options.name,
        description: options.description ?? '',
        members: [
          { userId: this.o.self.userId, role: pb.GroupRole.GROUP_ROLE_ADMIN },
          ...others.map((userId) => ({ userId, role: pb.GroupRole.GROUP_ROLE_MEMBER })),
        ],
      },
    }));
  }

  rename = (id: string, name: string) => this.change(id, () => ({ rename: { name } }));
  describe = (id: string, description: string) => this.change(id, () => ({ describe: { description } }));
  add = (id: string, userIds: string[]) => this.change(id, () => ({ add: { userIds } }));
  /** Adds one user with the consent they signed by accepting this user's invitation. */
  addWithConsent = (id: string, userId: string, consent: JoinConsent) =>
    this.change(id, () => ({ add: { userIds: [userId] } }), [consent]);
  remove = (id: string, userIds: string[]) => this.change(id, () => ({ remove: { userIds } }));
  promote = (id: string, userIds: string[]) => this.change(id, () => ({ promote: { userIds } }));
  demote = (id: string, userIds: string[]) => this.change(id, () => ({ demote: { userIds } }));
  /** Sets the disappearing timer (admins only) in a signed record, for messages sent from then on. */
  setDisappearing = (id: string, seconds: number) =>
    this.change(id, () => ({ disappearing: seconds ? { seconds } : {} }));

  /** Leaves the group; the last admin hands the role to the longest-standing member first. */
  leave = (id: string) =>
    this.change(id, (state) => {
      const admins = state?.members.filter((m) => m.role === 'admin') ?? [];
      const others = state?.members.filter((m) => m.userId !== this.o.self.userId) ?? [];
      const lastAdmin = admins.length === 1 && admins[0]?.userId === this.o.self.userId;
      const heir = lastAdmin && others.length > 0 && !others.some((m) => m.role === 'admin') ? others[0] : undefined;
      return { leave: { promote: heir ? [heir.userId] : [] } };
    });

  async get(id: string): Promise<GroupInfo | undefined> {
    const g = await this.o.store.transaction((tx) => getGroup(tx, id));
    return g ? toGroupInfo(g, this.o.self.userId) : undefined;
  }

  async list(): Promise<GroupInfo[]> {
    const all = await this.o.store.transaction((tx) => listGroups(tx));
    return all.map((g) => toGroupInfo(g, this.o.self.userId));
  }

  /**
   * A record envelope from the queue, inside the inbox transaction. Returns what to run after commit
   * (events, or a sync when records are missing in between).
   */
  async onRecord(tx: StoreTx, groupId: string, encoded: Uint8Array): Promise<() => void> {
    const outcome = await this.applyChecked(tx, groupId, encoded);
    if (outcome.kind === 'gap') {
      const failed = warnOnFailure(this.o.logger, 'fetching missing group changes failed', { groupId });
      return () => void this.sync([groupId]).catch(failed);
    }
    return this.after(groupId, outcome);
  }

  /**
   * Brings groups up to date with the server: for each group whose version is ahead, fetches and
   * verifies the missing records. A server state that disagrees with the verified one at the same
   * version is flagged (members injected without a signed record). Runs after each connect.
   */
  async sync(only?: string[]): Promise<void> {
    // The server answers in pages that each fit one frame; a cursor that does not move ends the walk.
    let cursor = '';
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const frame = await this.o.request({ groupList: cursor ? { cursor } : {} });
      const states = (frame.groupList?.groups ?? []).filter((s) => !only || only.includes(s.groupId ?? ''));
      for (const state of states) await this.catchUp(state);
      const next = frame.groupList?.nextCursor ?? '';
      if (!next || next <= cursor) return;
      cursor = next;
    }
    this.o.logger.warn('group list still had pages after the most this client reads', { pages: MAX_LIST_PAGES });
  }

  private async catchUp(state: parley.v1.GroupState.$Properties): Promise<void> {
    const groupId = state.groupId ?? '';
    for (;;) {
      const local = await this.o.store.transaction((tx) => getGroup(tx, groupId));
      const have = local?.snapshot.version ?? 0;
      if ((state.version ?? 0) <= have) {
        if (local && (state.version ?? 0) === have) await this.compare(local, state);
        return;
      }
      const history = await this.o.request({ groupHistory: { groupId, fromVersion: have + 1 } });
      const records = (history.groupHistory?.records ?? []).slice(0, HISTORY_PAGE);
      if (records.length === 0) return;
      await this.knowActors(records);
      const afters: Array<() => void> = [];
      let stuck = false;
      await this.o.store.transaction(async (tx) => {
        for (const record of records) {
          const outcome = await this.applyChecked(tx, groupId, encodeGroupRecord(record));
          afters.push(this.after(groupId, outcome));
          if (outcome.kind === 'refused' || outcome.kind === 'gap') {
            stuck = true;
            break;
          }
        }
      });
      for (const run of afters) run();
      if (stuck) return;
    }
  }

  /** Flags a server state whose members differ from the verified state at the same version. */
  private async compare(local: LocalGroup, state: parley.v1.GroupState.$Properties): Promise<void> {
    const verified = local.snapshot.members
      .map((m) => m.userId)
      .sort()
      .join('\u0000');
    const claimed = (state.members ?? [])
      .map((m) => m.userId ?? '')
      .sort()
      .join('\u0000');
    if (verified === claimed) return;
    const flag: GroupFlag = {
      version: local.snapshot.version,
      actor: '',
      reason: 'the server lists members that no signed record added or removed',
      at: this.o.clock.now(),
    };
    if (local.flags.some((f) => f.reason === flag.reason && f.version === flag.version)) return;
    await this.o.store.transaction((tx) => addFlag(tx, local, flag));
    this.o.flagged({ groupId: local.snapshot.groupId, ...flag });
  }

  /** Before a transaction checks records: fetches the device lists of actor devices not known yet. */
  async knowActors(records: parley.v1.GroupRecord.$Properties[]): Promise<void> {
    const actors = new Map(records.map((r) => [`${r.actor?.userId}\u001f${r.actor?.deviceId}`, r.actor]));
    for (const actor of actors.values()) {
      if (actor?.userId && actor.deviceId) await this.o.lists.noteDevice(actor.userId, actor.deviceId);
    }
  }

  private async applyChecked(tx: StoreTx, groupId: string, encoded: Uint8Array): Promise<RecordOutcome> {
    const local = await getGroup(tx, groupId);
    const outcome = await checkRecord(tx, local, encoded, (t, device) => this.o.lists.verifiedKey(t, device));
    if (outcome.kind === 'applied') {
      if (outcome.group.snapshot.groupId !== groupId) {
        return { kind: 'refused', reason: 'record of another group', version: outcome.record.version, actor: '' };
      }
      await putGroup(tx, outcome.group);
      const { record } = outcome;
      if (record.action === 'disappearing') {
        const change = { version: record.version, at: record.at, seconds: record.disappearing?.seconds ?? 0 };
        await this.o.timerChanged(tx, groupId, change);
      }
      // Whoever leaves must not read what follows: the next message goes out under a new sender key.
      if (outcome.removed.length > 0) await rotateOwnSenderKey(tx, groupId);
    } else if (outcome.kind === 'refused') {
      const flag = { version: outcome.version, actor: outcome.actor, reason: outcome.reason, at: this.o.clock.now() };
      if (local) await addFlag(tx, local, flag);
    }
    return outcome;
  }

  private after(groupId: string, outcome: RecordOutcome): () => void {
    if (outcome.kind === 'applied') {
      const { group, record } = outcome;
      const action = record.action;
      if (!action) return () => {}; // a verified record always has one
      const userIds = changedUserIds(record, outcome.added);
      return () =>
        this.o.updated({
          group: toGroupInfo(group, this.o.self.userId),
          action,
          actor: record.actor?.userId ?? '',
          userIds,
        });
    }
    if (outcome.kind === 'refused') {
      const { reason, version, actor } = outcome;
      return () => this.o.flagged({ groupId, version, actor, reason, at: this.o.clock.now() });
    }
    return () => {};
  }

  /** Signs the next record, has the server apply it, and applies it here; refetches and re-signs after a lost race. */
  private async change(
    groupId: string,
    build: (state: GroupSnapshot | undefined) => Action,
    consents: JoinConsent[] = [],
  ): Promise<GroupInfo> {
    for (let attempt = 0; ; attempt++) {
      const local = await this.o.store.transaction((tx) => getGroup(tx, groupId));
      const action = build(local?.snapshot);
      if (!action.create && !local) throw new ParleyError('NOT_FOUND', `unknown group ${groupId}`);
      const identity = await this.o.identity();
      const record = await signGroupRecord(
        {
          groupId,
          version: (local?.snapshot.version ?? 0) + 1,
          prevHash: local ? groupRecordHash(local.head) : new Uint8Array(),
          actor: { userId: this.o.self.userId, deviceId: this.o.self.deviceId },
          at: this.o.clock.now(),
          actorIdentityKey: identity.publicKey,
          ...action,
        },
        identity.privateKey,
      );
      try {
        await this.o.request({ groupChange: { record, ...(consents.length ? { consents } : {}) } });
      } catch (error) {
        if (isParleyError(error, 'CONFLICT') && attempt < 3) {
          await this.sync([groupId]);
          continue;
        }
        throw error;
      }
      const encoded = encodeGroupRecord(record);
      let outcome: RecordOutcome = { kind: 'old' };
      await this.o.store.transaction(async (tx) => {
        outcome = await this.applyChecked(tx, groupId, encoded);
      });
      this.after(groupId, outcome)();
      const g = await this.o.store.transaction((tx) => getGroup(tx, groupId));
      if (!g) throw new ParleyError('INTERNAL', `group ${groupId} missing after a change`);
      return toGroupInfo(g, this.o.self.userId);
    }
  }
}

/** The users a membership record is about, for `group:updated`. */
function changedUserIds(record: parley.v1.GroupRecord, added: string[]): string[] {
  const action = oneof(record, 'action');
  switch (action.case) {
    case 'create':
      return added;
    case 'leave':
      return [record.actor?.userId ?? ''];
    case 'add':
    case 'remove':
    case 'promote':
    case 'demote':
      return action.value.userIds ?? [];
    default:
      return [];
  }
}
