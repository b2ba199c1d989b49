import { bytesEqual, isParleyError, ParleyError, type parley } from '@parley/core';
import {
  applyGroupRecord,
  decodeGroupRecord,
  encodeGroupRecord,
  type GroupSnapshot,
  groupRecordAction,
  toGroupState,
  verifyGroupRecordSignature,
} from '@parley/core/groups';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { EnqueueResult, QueueItem } from '../contracts/offline-queue.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import { encodeEnvelope } from '../messages/envelope.js';
import { encodeQueueId } from '../messages/queue-id.js';
import type { Deliveries } from '../messages/queue-ports.js';
import type { Routes } from '../router/routes.js';
import { checkNewcomers, newcomers } from './group-add-checks.js';
import { type GroupChunks, groupListPage } from './group-list-pages.js';
import { consentedUsers } from './join-consents.js';

/** Most records one GroupHistory answer carries; clients ask again from the next version. */
export const MAX_HISTORY_RECORDS = 100;

/** What group requests use: the stores they read and write, limits, a clock and a logger. */
export interface GroupRequestsPorts extends Deliveries {
  stores: Pick<ServerStores, 'devices' | 'groups' | 'keys' | 'queue' | 'presence'>;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
}

const isMember = (state: GroupSnapshot, userId: string) => state.members.some((m) => m.userId === userId);

/**
 * Group requests of one gateway. A change is accepted only as a record the acting device signed
 * with the identity key it published, that extends the stored chain and that `applyGroupRecord`
 * allows; the server never makes membership changes itself. Reads are for members only.
 */
export class GroupRequests {
  constructor(private readonly o: GroupRequestsPorts) {}

  /** The group routes: signed changes and reads. */
  routes(): Pick<Routes, 'groupChange' | 'groupGet' | 'groupList' | 'groupHistory'> {
    return {
      groupChange: async (request, { device }) => ({
        groupState: toGroupState(await this.change(device, request.record, request.consents ?? [])),
      }),
      groupGet: async (request, { device }) => ({
        groupState: toGroupState(await this.readable(device, request.groupId ?? '')),
      }),
      groupList: async (request, { device }) => {
        const read: GroupChunks = (page) => this.o.stores.groups.listForUser(device.userId, page);
        return { groupList: await groupListPage(read, request.cursor ?? '', this.o.limits.maxFrameBytes) };
      },
      groupHistory: async (request, { device }) => ({
        groupHistory: { records: await this.history(device, request) },
      }),
    };
  }

  private async change(
    device: DeviceAddress,
    record: parley.v1.GroupRecord.$Properties | null | undefined,
    consents: readonly parley.v1.GroupJoinConsent.$Properties[],
  ) {
    if (!record) throw new ParleyError('INVALID_ARGUMENT', 'group_change needs a record');
    const action = groupRecordAction(record);
    if (record.actor?.userId !== device.userId || record.actor?.deviceId !== device.deviceId) {
      throw new ParleyError('FORBIDDEN', 'the actor of a record is the device that sends it');
    }
    const identity = await this.o.stores.keys.identity(device);
    if (!identity || !bytesEqual(identity.identityKey, record.actorIdentityKey ?? new Uint8Array())) {
      throw new ParleyError('BAD_SIGNATURE', 'actor_identity_key is not the identity key this device published');
    }
    if (!(await verifyGroupRecordSignature(record))) {
      throw new ParleyError('BAD_SIGNATURE', 'the record signature does not verify');
    }
    const groups = this.o.stores.groups;
    const groupId = record.groupId ?? '';
    const before = await groups.get(groupId);
    const maxMembers = this.o.limits.maxGroupMembers;
    const encoded = encodeGroupRecord(record);
    let after: GroupSnapshot;
    if (!before) {
      if (action !== 'create') throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
      after = applyGroupRecord(undefined, record, { maxMembers });
      await this.checkAdds(device, undefined, after, consents);
      await groups.create(after, encoded);
    } else {
      if (action === 'create') throw new ParleyError('CONFLICT', `group ${groupId} exists`);
      if (record.version !== before.version + 1) {
        throw new ParleyError('CONFLICT', `group ${groupId} is at version ${before.version}: refetch and sign again`);
      }
      const [prevEncoded] = await groups.history(groupId, before.version, 1);
      after = applyGroupRecord(before, record, { maxMembers, prevEncoded });
      await this.checkAdds(device, before, after, consents);
      await groups.update(after, encoded);
    }
    await this.fanOut(device, before, after, encoded);
    return after;
  }

  /** Refuses a change that brings in users who never signed in or who do not let the actor add them. */
  private async checkAdds(
    device: DeviceAddress,
    before: GroupSnapshot | undefined,
    after: GroupSnapshot,
    consents: readonly parley.v1.GroupJoinConsent.$Properties[],
  ): Promise<void> {
    const added = newcomers(device.userId, before, after);
    const context = { groupId: after.groupId, actor: device.userId, newcomers: added, now: this.o.clock() };
    const consented = await consentedUsers(this.o.stores, consents, context);
    await checkNewcomers(this.o.stores, device.userId, added, consented);
  }

  /**
   * Queues the record for every device of every member before and after it (removed members learn
   * they are out), except the acting device, which has the answer, within each queue's cap (see
   * {@link GroupRequests.enqueueWithinCaps}). The change is already stored, so a failure here is
   * logged, not answered: devices that missed the record see the version gap at the next one and
   * fetch the history.
   */
  private async fanOut(
    actor: DeviceAddress,
    before: GroupSnapshot | undefined,
    after: GroupSnapshot,
    encoded: Uint8Array,
  ) {
    try {
      const users = new Set([...(before?.members ?? []), ...after.members].map((m) => m.userId));
      const lists = await Promise.all([...users].map((userId) => this.o.stores.devices.list(userId)));
      const devices = lists
        .flat()
        .filter((d) => d.userId !== actor.userId || d.deviceId !== actor.deviceId)
        .map((d) => ({ userId: d.userId, deviceId: d.deviceId }));
      if (devices.length === 0) return;
      const id = encodeQueueId({ kind: 'groupRecord', groupId: after.groupId, version: after.version });
      const data = encodeEnvelope({
        id,
        sender: { userId: actor.userId, deviceId: actor.deviceId },
        serverTime: this.o.clock(),
        groupId: after.groupId,
        groupRecord: decodeGroupRecord(encoded),
      });
      const items: QueueItem[] = devices.map((device) => ({ device, id, data }));
      const results = await this.enqueueWithinCaps(items, after.groupId);
      this.o.stored(results.filter((r) => !r.duplicate).map((r) => ({ device: r.device, id: r.id, seq: r.seq, data })));
    } catch (error) {
      this.o.logger.error('group record fan-out failed', {
        groupId: after.groupId,
        version: after.version,
        error: String(error),
      });
    }
  }

  /**
   * Queues a record for every device whose queue has room under `maxQueuedPerDevice`: records count
   * against each recipient's cap like messages, so creating groups cannot grow a queue without
   * bound. A full queue must not keep the record from the others, so when the batch is refused the
   * devices are tried one by one and full ones skipped (they fetch the history at the next record).
   */
  private async enqueueWithinCaps(items: QueueItem[], groupId: string): Promise<EnqueueResult[]> {
    const maxPerDevice = this.o.limits.maxQueuedPerDevice;
    try {
      return await this.o.stores.queue.enqueue(items, { maxPerDevice });
    } catch (error) {
      if (!isParleyError(error, 'QUEUE_FULL')) throw error;
    }
    const results: EnqueueResult[] = [];
    for (const item of items) {
      try {
        results.push(...(await this.o.stores.queue.enqueue([item], { maxPerDevice })));
      } catch (error) {
        if (!isParleyError(error, 'QUEUE_FULL')) throw error;
        this.o.logger.warn('group record not queued: queue full', { groupId, device: item.device });
      }
    }
    return results;
  }

  /** The group, when the device's user is a member; NOT_GROUP_MEMBER otherwise (also for unknown groups). */
  private async readable(device: DeviceAddress, groupId: string): Promise<GroupSnapshot> {
    const state = await this.o.stores.groups.get(groupId);
    if (!state || !isMember(state, device.userId)) {
      throw new ParleyError('NOT_GROUP_MEMBER', `not a member of group ${groupId}`);
    }
    return state;
  }

  /** Records from `from_version` on, as many as fit one frame (at least one, at most {@link MAX_HISTORY_RECORDS}). */
  private async history(device: DeviceAddress, request: parley.v1.GroupHistoryRequest.$Properties | null | undefined) {
    const state = await this.readable(device, request?.groupId ?? '');
    const from = Math.max(1, request?.fromVersion ?? 1);
    const encoded = await this.o.stores.groups.history(state.groupId, from, MAX_HISTORY_RECORDS);
    // Leave room for the frame around the records.
    const budget = this.o.limits.maxFrameBytes - 1024;
    const records: parley.v1.GroupRecord[] = [];
    let bytes = 0;
    for (const record of encoded) {
      bytes += record.byteLength + 8;
      if (records.length > 0 && bytes > budget) break;
      records.push(decodeGroupRecord(record));
    }
    return records;
  }
}
