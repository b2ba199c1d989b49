import { newMessageId, ParleyError, pb, type ServerFrame } from '@parley/core';
import { isDisappearingTimer, signJoinConsent } from '@parley/core/groups';
import { type SendActionDeps, sendInvite } from '../actions/send-action.js';
import type { StoredMessage } from '../messages/message-store.js';
import { getGroup } from './group-book.js';
import {
  type GroupInvitation,
  getReceivedInvite,
  INVITE_TTL_MS,
  listReceivedInvites,
  putIssuedInvite,
} from './group-invites.js';
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
  /**
   * Invites a user whose "who can add me to groups" setting refused this user (GROUP_ADD_REFUSED):
   * sends them an encrypted 1:1 invitation. When they accept, this device checks the answer against
   * the invitation it issued and adds them (`group:invite-accepted`). Admins only.
   */
  invite(groupId: string, userId: string): Promise<{ inviteId: string; expiresAt: number }>;
  /** Invitations this user received and can still accept (also announced with `group:invited`). */
  invitations(): Promise<GroupInvitation[]>;
  /**
   * Accepts an invitation: answers the inviter with this device's signed consent to be added to
   * that group by them. Resolves once the server has the answer; the inviter's device then adds
   * this user (`group:updated` follows). NOT_FOUND for an unknown or expired invitation.
   */
  acceptInvite(inviteId: string): Promise<void>;
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
  /** What sending a 1:1 content needs (invitations go through the outbox). */
  sending(): Promise<SendActionDeps>;
  /** This device's identity key pair (to sign a consent). */
  identity(): Promise<{ privateKey: Uint8Array }>;
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
    async invite(groupId, userId) {
      const send = await deps.sending();
      const group = await send.store.transaction((tx) => getGroup(tx, groupId));
      const self = group?.snapshot.members.find((m) => m.userId === send.self.userId);
      if (!group) throw new ParleyError('NOT_FOUND', `unknown group ${groupId}`);
      if (self?.role !== 'admin') throw new ParleyError('FORBIDDEN', 'only admins may invite');
      if (group.snapshot.members.some((m) => m.userId === userId)) {
        throw new ParleyError('INVALID_ARGUMENT', `${userId} is already a member`);
      }
      const inviteId = newMessageId();
      const expiresAt = send.clock.now() + INVITE_TTL_MS;
      const offer = { kind: 'offer' as const, groupId, groupName: group.snapshot.name, inviteId, expiresAt };
      const { sent } = await sendInvite(send, userId, offer, (tx) =>
        putIssuedInvite(tx, inviteId, { groupId, invitee: userId, expiresAt, accepted: false }, send.clock.now()),
      );
      await sent;
      return { inviteId, expiresAt };
    },
    async invitations() {
      const send = await deps.sending();
      return send.store.transaction((tx) => listReceivedInvites(tx, send.clock.now()));
    },
    async acceptInvite(inviteId) {
      const send = await deps.sending();
      const invitation = await send.store.transaction((tx) => getReceivedInvite(tx, inviteId));
      if (!invitation || invitation.expiresAt <= send.clock.now()) {
        throw new ParleyError('NOT_FOUND', `no invitation ${inviteId} to accept`);
      }
      const signed = await signJoinConsent(
        {
          groupId: invitation.groupId,
          invitee: { userId: send.self.userId, deviceId: send.self.deviceId },
          inviterUserId: invitation.from,
          expiresAt: invitation.expiresAt,
        },
        (await deps.identity()).privateKey,
      );
      const consent = {
        groupId: invitation.groupId,
        invitee: { userId: send.self.userId, deviceId: send.self.deviceId },
        inviterUserId: invitation.from,
        expiresAt: invitation.expiresAt,
        signature: signed.signature ?? new Uint8Array(),
      };
      const { sent } = await sendInvite(send, invitation.from, { kind: 'accept', inviteId, consent });
      await sent;
    },
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
