import type { MessageStatus } from '@parley/client';
import { clockTime, ticks } from '../format.js';
import type { ChatMessage } from '../history.js';
import { attachment, type MediaSource } from './attachment.js';
import { byId, h } from './dom.js';
import { messageDecorations } from './message-actions.js';

export interface ConversationHandlers {
  onSend(text: string): void;
  /** The composer's text changed: `hasText` tells whether there is something typed. */
  onInput(hasText: boolean): void;
  onBack(): void;
  /** A file was picked with the attach button. */
  onAttach(file: File): void;
}

/** A message on screen; outgoing ones carry a status (ticks). */
export interface ShownMessage extends ChatMessage {
  status?: MessageStatus | undefined;
}

/**
 * The open conversation: header (peer name, presence line), messages with ticks, composer.
 * Messages are `li[data-message-id]`; outgoing ones have `data-status` (pending, sent, delivered,
 * read, failed). Enter sends, Shift+Enter starts a new line, Escape goes back to the chat list.
 */
export class ConversationView {
  private readonly section = byId('chat', HTMLElement);
  private readonly empty = byId('no-chat', HTMLElement);
  private readonly name = byId('peer-name', HTMLElement);
  private readonly status = byId('peer-status', HTMLElement);
  private readonly list = byId('messages', HTMLOListElement);
  private readonly error = byId('chat-error', HTMLElement);
  private readonly input = byId('message-text', HTMLTextAreaElement);
  private chatId: string | undefined;
  private group = false;

  constructor(
    handlers: ConversationHandlers,
    private readonly media: MediaSource,
    private readonly selfUserId: () => string = () => '',
  ) {
    const file = byId('attach-file', HTMLInputElement);
    file.addEventListener('change', () => {
      for (const picked of file.files ?? []) handlers.onAttach(picked);
      file.value = '';
    });
    const send = () => {
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      handlers.onInput(false);
      handlers.onSend(text);
    };
    byId('composer', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      send();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
      }
    });
    this.input.addEventListener('input', () => handlers.onInput(this.input.value.trim() !== ''));
    this.section.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') handlers.onBack();
    });
    byId('back', HTMLButtonElement).addEventListener('click', () => handlers.onBack());
  }

  get openChatId(): string | undefined {
    return this.chatId;
  }

  /** Whether the open chat is a group (bubbles of others then name their sender). */
  get isGroup(): boolean {
    return this.group;
  }

  /**
   * Shows a chat with its messages (oldest first) and focuses the composer. `title` is the peer or
   * group name, `subtitle` the presence line or, for a group, its members.
   */
  open(
    chatId: string,
    messages: readonly ShownMessage[],
    header: { title: string; subtitle: string; group: boolean },
  ): void {
    if (this.chatId !== chatId) this.input.value = '';
    this.chatId = chatId;
    this.group = header.group;
    this.section.dataset.kind = header.group ? 'group' : 'direct';
    this.name.textContent = header.title;
    this.status.textContent = header.subtitle;
    this.error.textContent = '';
    this.list.replaceChildren(...messages.map((m) => this.bubble(m)));
    this.empty.hidden = true;
    this.section.hidden = false;
    document.body.classList.add('chat-open');
    this.scrollToEnd();
    this.input.focus();
  }

  close(): void {
    this.chatId = undefined;
    this.group = false;
    this.section.hidden = true;
    this.empty.hidden = false;
    document.body.classList.remove('chat-open');
  }

  setPresence(line: string): void {
    this.status.textContent = line;
  }

  showError(text: string): void {
    this.error.textContent = text;
  }

  /** Adds a message at the end (or updates it in place when it is already shown). */
  append(message: ShownMessage): void {
    const existing = this.find(message.id);
    if (existing) {
      existing.replaceWith(this.bubble(message));
      return;
    }
    const atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
    this.list.append(this.bubble(message));
    if (atEnd || message.outgoing) this.scrollToEnd();
  }

  /** Replaces a pending bubble (`tempId`) by the message the client stored. */
  confirm(tempId: string, message: ShownMessage): void {
    const pending = this.find(tempId);
    if (pending && !this.find(message.id)) pending.replaceWith(this.bubble(message));
    else {
      pending?.remove();
      this.append(message);
    }
  }

  setStatus(id: string, status: MessageStatus): void {
    const element = this.find(id);
    if (element?.dataset.direction !== 'out') return;
    element.dataset.status = status;
    const mark = element.querySelector('.ticks');
    if (mark) fillTicks(mark, status);
  }

  /** The text of a shown message and this user's reaction to it (for reply, edit and react). */
  messageText(id: string): { text: string; mine: string } | undefined {
    const element = this.find(id);
    if (!element) return undefined;
    return { text: element.querySelector('.text')?.textContent ?? '', mine: element.dataset.mine ?? '' };
  }

  private bubble(message: ShownMessage): HTMLLIElement {
    return bubble(message, this.group, this.media, this.selfUserId());
  }

  private find(id: string): HTMLLIElement | undefined {
    return [...this.list.children].find((li): li is HTMLLIElement => (li as HTMLElement).dataset.messageId === id);
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
  }
}

function bubble(message: ShownMessage, group: boolean, media: MediaSource, self: string): HTMLLIElement {
  const extra = messageDecorations(message, self);
  const direction = message.outgoing ? 'out' : 'in';
  const sender = message.from ?? message.chatId;
  // Pending bubbles of attachments have no message id to download by yet: their label stands in.
  const content =
    message.media && !message.id.startsWith('pending-')
      ? attachment(message.id, message.media, media)
      : h('span', { class: 'text' }, message.text);
  const mark = message.outgoing ? h('span', { class: 'ticks', role: 'img' }) : undefined;
  if (mark) fillTicks(mark, message.status);
  return h(
    'li',
    {
      class: `message ${direction}`,
      'data-message-id': message.id,
      'data-direction': direction,
      'data-status': message.outgoing ? (message.status ?? 'pending') : undefined,
      'data-mine': extra.mine || undefined,
      'data-deleted': message.deleted,
    },
    message.outgoing
      ? h('span', { class: 'visually-hidden' }, 'You: ')
      : group
        ? h('span', { class: 'sender' }, sender, h('span', { class: 'visually-hidden' }, ': '))
        : h('span', { class: 'visually-hidden' }, `${sender}: `),
    extra.quote,
    content,
    h(
      'span',
      { class: 'meta' },
      h('time', { datetime: new Date(message.sentAt).toISOString() }, clockTime(message.sentAt)),
      mark,
    ),
    ...extra.after,
  );
}

function fillTicks(mark: Element, status: MessageStatus | undefined): void {
  const { glyph, label } = ticks(status);
  mark.textContent = glyph;
  mark.setAttribute('aria-label', label);
  mark.setAttribute('title', label);
}
