// Group chats: the groups this device verified (client.groups), by id, so a chat id found here is
// a group chat; their verified changes; and the "Manage group" panel of the open one.
import type { ParleyClient, StoredMessage } from '@parley/client';
import type { GroupInfo } from '../groups.js';
import type { ConversationView } from '../views/conversation.js';
import { byId } from '../views/dom.js';
import type { GroupPanelView } from '../views/group-panel.js';
import type { PeerPresence } from './peer-presence.js';
import type { SerialQueue } from './serial-queue.js';

export interface GroupChatsParts {
  client: Pick<ParleyClient, 'groups'>;
  /** This user. */
  self: string;
  conversation: ConversationView;
  panel: GroupPanelView;
  presence: PeerPresence;
  queue: SerialQueue;
  refreshList(): void;
  openChat(chatId: string): void;
}

export class GroupChats {
  private readonly known = new Map<string, GroupInfo>();

  constructor(private readonly parts: GroupChatsParts) {}

  /** The groups by id. */
  get all(): ReadonlyMap<string, GroupInfo> {
    return this.known;
  }

  get(chatId: string): GroupInfo | undefined {
    return this.known.get(chatId);
  }

  has(chatId: string): boolean {
    return this.known.has(chatId);
  }

  /** Reads the groups the client verified before this page was opened. */
  async load(): Promise<void> {
    for (const group of await this.parts.client.groups.list()) this.known.set(group.id, group);
  }

  /** A group message can arrive before this tab heard of the group: the client knows it already. */
  async learnFrom(m: StoredMessage): Promise<void> {
    if (!this.known.has(m.chatId) && m.from.userId !== m.chatId && !m.outgoing) {
      const group = await this.parts.client.groups.get(m.chatId);
      if (group) this.known.set(group.id, group);
    }
  }

  /** Shows the panel of the open chat's group (`undefined`: a 1:1 chat or none, no panel). */
  showPanel(group: GroupInfo | undefined): void {
    this.parts.panel.show(group, this.parts.self);
  }

  /** A verified change to a group (created, renamed, members added, removed, left). */
  async changed(group: GroupInfo): Promise<void> {
    const { conversation, presence, self } = this.parts;
    this.known.set(group.id, group);
    this.parts.refreshList();
    if (conversation.openChatId !== group.id) return;
    conversation.setPresence(presence.headerLine(group.id, group, self));
    byId('peer-name', HTMLElement).textContent = group.name;
    this.showPanel(group);
    conversation.setComposerEnabled(group.isMember);
  }

  /** The panel's Add button. */
  add(userId: string): void {
    this.change((id) => this.parts.client.groups.add(id, [userId]));
  }

  /** An admin's Remove button on a member. */
  remove(userId: string): void {
    this.change((id) => this.parts.client.groups.remove(id, [userId]));
  }

  /** The panel's Leave button. */
  leave(): void {
    this.change((id) => this.parts.client.groups.leave(id));
  }

  /** The "New group" form: creates the group and opens its chat. */
  async create(name: string, members: string[]): Promise<void> {
    const group = await this.parts.client.groups.create({ name, members });
    this.known.set(group.id, group);
    this.parts.refreshList();
    this.parts.openChat(group.id);
  }

  private change(change: (groupId: string) => Promise<GroupInfo>): void {
    const groupId = this.parts.conversation.openChatId;
    if (!groupId) return;
    const { panel, queue } = this.parts;
    panel.showError('');
    change(groupId).then(
      (group) => queue.run(() => this.changed(group)),
      (error: unknown) => panel.showError(`Not changed: ${(error as Error).message}`),
    );
  }
}
