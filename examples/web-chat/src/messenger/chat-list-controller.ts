// The chat list: the client's list of chats (`client.chats.list`) plus chats started here that have
// no message yet, read again after changes (coalesced) and drawn with who is typing and online.
import type { ParleyClient } from '@parley/client';
import { type ChatRow, chatRows } from '../chat-rows.js';
import type { GroupInfo } from '../groups.js';
import type { ChatListView } from '../views/chat-list.js';
import type { PeerPresence } from './peer-presence.js';

/** Chats the list shows at most (the client pages further; a demo has a few dozen). */
const LIST_LIMIT = 200;

export interface ChatListParts {
  client: Pick<ParleyClient, 'chats'>;
  view: ChatListView;
  /** Groups this device verified, by id (they name group chats). */
  groups: ReadonlyMap<string, GroupInfo>;
  presence: PeerPresence;
  openChatId(): string | undefined;
}

export class ChatListController {
  /** The chat list as last read from the client (`client.chats.list`). */
  private rows: ChatRow[] = [];
  /** Chats started here ("new chat") that have no message yet, so the client's list lacks them. */
  private readonly started = new Set<string>();
  /** The chat list is read again once the read in progress is done (many events, one read). */
  private listRead: Promise<void> | undefined;
  private listStale = false;

  constructor(private readonly parts: ChatListParts) {}

  /** A chat started here ("new chat"): listed from the next read on, before its first message. */
  start(chatId: string): void {
    if (!this.rows.some((row) => row.chatId === chatId)) this.started.add(chatId);
  }

  /** A message was queued in `chatId`: the client lists the chat from now on. */
  messageQueued(chatId: string): void {
    this.started.delete(chatId);
  }

  /** The 1:1 chats listed (their peers' presence is shown). */
  directChats(): string[] {
    return this.rows.filter((row) => !row.group).map((row) => row.chatId);
  }

  /** Reads the chat list from the client again (coalesced: many events in a row cost one or two reads). */
  refresh(): void {
    if (this.listRead) {
      this.listStale = true;
      return;
    }
    const { client, groups, presence } = this.parts;
    this.listRead = (async () => {
      do {
        this.listStale = false;
        const { chats } = await client.chats.list({ limit: LIST_LIMIT });
        const before = new Set(this.directChats());
        this.rows = chatRows(chats, groups, this.started);
        // A started chat with a first message is in the client's list now.
        for (const chat of chats) this.started.delete(chat.chatId);
        this.render();
        const added = this.directChats().filter((id) => !before.has(id));
        if (presence.connected) presence.subscribe(added);
      } while (this.listStale);
    })()
      .catch((error: unknown) => console.error('web chat: reading the chat list failed', error))
      .finally(() => {
        this.listRead = undefined;
      });
  }

  /** Draws the list as last read, with the open chat, typing and online marks as they are now. */
  render(): void {
    this.parts.view.render(this.rows, {
      openChatId: this.parts.openChatId(),
      ...this.parts.presence.listMarks(),
      now: Date.now(),
    });
  }

  /** Moves the focus to a chat's row (back from that chat). */
  focus(chatId: string): void {
    this.parts.view.focus(chatId);
  }
}
