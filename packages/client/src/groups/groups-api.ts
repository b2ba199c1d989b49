import { ParleyError, pb, type ServerFrame } from '@parley/core';
import { isDisappearingTimer } from '@parley/core/groups';
import type { StoredMessage } from '../messages/message-store.js';
import type { GroupInfo, GroupManager } from './group-manager.js';

/** The app's view of groups: `client.groups`. Changes are signed by this device and verified by every member. */
export interface GroupsApi {
  /** Creates a group with this user as its admin and `members` as members. */
  create(options: { name: string; members: string[]; description?: string }): Promise<GroupInfo>;
  rename(groupId: string, name: string): Promise<GroupInfo>;
  describe(groupId: string, description: string): Promise<GroupInfo>;
  /** Admins only, like remove, promote and demote (the server refuses others with FORBIDDEN). */
  add(groupId: string, userIds: string[]): Promise<GroupInfo>;
  remove(groupId: string, userIds: string[]): Promise<GroupInfo>;
  promote(groupId: string, userIds: string[]): Promise<GroupInfo>;
  demote(groupId: string, userIds: string[]): Promise<GroupInfo>;
  /**
   * Sets the disappearing-messages timer (0, 86400, 604800 or 7776000 s; admins only) in a signed
   * group record that every member verifies: messages sent from then on disappear on every device.
   */
  setDisappearing(groupId: string, seconds: number): Promise<GroupInfo>;
  /** Leaves the group; the last admin first makes the longest-standing member admin. */
  leave(groupId: string): Promise<GroupInfo>;
  /** The group as this device verified it (from signed records only). */
  get(groupId: string): Promise<GroupInfo | undefined>;
  list(): Promise<GroupInfo[]>;
  /** Fetches and verifies changes made while this device was away (also done after every connect). */
  sync(): Promise<void>;
  /** Who has one of this user's group messages: each member who was in the group when it was sent. */
  receipts(
    groupId: string,
    messageId: string,
  ): Promise<Array<{ userId: string; status: 'sent' | 'delivered' | 'read' }>>;
}

export interface GroupsApiDeps {
  /** The manager, once connected (changes go through the server). */
  manager(): Promise<GroupManager>;
  /** The manager without connecting (local reads). */
  local(): Promise<GroupManager>;
  request(body: Record<string, unknown>): Promise<ServerFrame>;
  message(id: string): Promise<StoredMessage | undefined>;
}

const STATUS = {
  [pb.ReceiptStatus.RECEIPT_STATUS_READ]: 'read',
  [pb.ReceiptStatus.RECEIPT_STATUS_DELIVERED]: 'delivered',
} as Record<number, 'read' | 'delivered'>;

export function groupsApi(deps: GroupsApiDeps): GroupsApi {
  const via =
    <A extends unknown[]>(pick: (m: GroupManager) => (...args: A) => Promise<GroupInfo>) =>
    async (...args: A) =>
      pick(await deps.manager())(...args);
  return {
    create: via((m) => (options) => m.create(options)),
    rename: via((m) => m.rename),
    describe: via((m) => m.describe),
    add: via((m) => m.add),
    remove: via((m) => m.remove),
    promote: via((m) => m.promote),
    demote: via((m) => m.demote),
    leave: via((m) => m.leave),
    setDisappearing: async (groupId, seconds) => {
      if (!isDisappearingTimer(seconds)) {
        throw new ParleyError('INVALID_ARGUMENT', 'the timer must be 0, 86400, 604800 or 7776000 seconds');
      }
      return (await deps.manager()).setDisappearing(groupId, seconds);
    },
    get: async (groupId) => (await deps.local()).get(groupId),
    list: async () => (await deps.local()).list(),
    sync: async () => (await deps.manager()).sync(),
    async receipts(groupId, messageId) {
      const m = await deps.message(messageId);
      if (!m?.outgoing || m.chatId !== groupId) {
        throw new ParleyError('NOT_FOUND', `no message ${messageId} sent by this user in group ${groupId}`);
      }
      const frame = await deps.request({ groupReceipts: { groupId, messageId, senderDeviceId: m.from.deviceId } });
      return (frame.groupReceipts?.members ?? []).map((member) => ({
        userId: member.userId ?? '',
        status: STATUS[member.status ?? 0] ?? 'sent',
      }));
    },
  };
}
