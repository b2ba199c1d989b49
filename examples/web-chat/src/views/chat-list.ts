import type { ChatRow } from '../chat-rows.js';
import { listTime } from '../format.js';
import { avatar } from './avatar.js';
import { h } from './dom.js';
import { type IconName, icon } from './icons.js';

/** What a chat row shows beyond its summary. */
export interface ChatRowState {
  openChatId: string | undefined;
  typing: ReadonlySet<string>;
  online: ReadonlySet<string>;
  now: number;
}

/**
 * The chat list: one button per chat (avatar, name, last message, time, unread count), newest first.
 * Arrow keys, Home and End move between chats.
 */
export class ChatListView {
  constructor(
    private readonly list: HTMLUListElement,
    onOpen: (chatId: string) => void,
  ) {
    list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-chat-id]');
      if (button?.dataset.chatId) onOpen(button.dataset.chatId);
    });
    list.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  render(chats: readonly ChatRow[], state: ChatRowState): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.chatId;
    this.list.replaceChildren(...chats.map((chat) => h('li', {}, row(chat, state))));
    if (focused) this.button(focused)?.focus();
  }

  /** Moves the focus to the row of `chatId` (back from its chat), if it is listed. */
  focus(chatId: string): void {
    this.button(chatId)?.focus();
  }

  private button(chatId: string): HTMLButtonElement | undefined {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button[data-chat-id]')].find(
      (b) => b.dataset.chatId === chatId,
    );
  }

  private moveFocus(event: KeyboardEvent): void {
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button[data-chat-id]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const target =
      event.key === 'ArrowDown'
        ? buttons[Math.min(at + 1, buttons.length - 1)]
        : event.key === 'ArrowUp'
          ? buttons[Math.max(at - 1, 0)]
          : event.key === 'Home'
            ? buttons[0]
            : event.key === 'End'
              ? buttons[buttons.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }
}

const MEDIA_ICON: Record<string, IconName> = { image: 'photo', video: 'video', voice: 'voice', document: 'document' };

function row(chat: ChatRow, state: ChatRowState): HTMLButtonElement {
  const typing = state.typing.has(chat.chatId);
  const last = chat.last;
  const preview = typing
    ? h('span', { class: 'preview typing' }, 'typing…')
    : h(
        'span',
        { class: 'preview' },
        last?.outgoing
          ? h('span', { class: chat.group ? 'sender' : 'visually-hidden' }, 'You: ')
          : chat.group && last
            ? h('span', { class: 'sender' }, `${last.from}: `)
            : undefined,
        last?.media && !last.deleted ? icon(MEDIA_ICON[last.media.kind] ?? 'document') : undefined,
        last?.text ?? 'No messages yet',
      );
  return h(
    'button',
    {
      type: 'button',
      class: 'chat-row',
      'data-chat-id': chat.chatId,
      'data-kind': chat.group ? 'group' : 'direct',
      'aria-current': state.openChatId === chat.chatId ? 'true' : undefined,
    },
    avatar(chat.name),
    h(
      'span',
      { class: 'name' },
      chat.group ? icon('group') : undefined,
      chat.name,
      state.online.has(chat.chatId)
        ? h('span', { class: 'online-dot', title: 'online' }, h('span', { class: 'visually-hidden' }, 'online'))
        : undefined,
    ),
    last
      ? h('time', { class: 'time', datetime: new Date(last.sentAt).toISOString() }, listTime(last.sentAt, state.now))
      : undefined,
    preview,
    chat.unread > 0
      ? h('span', { class: 'unread', 'aria-label': `${chat.unread} unread` }, String(chat.unread))
      : undefined,
  );
}
