import type { MessageStatus } from '@parley/client';
import { type ChatMessage, isUnsent } from '../chat-message.js';
import { clockTime, dayKey, dayLabel, ticks } from '../format.js';
import { linkParts } from '../links.js';
import { attachment, type MediaSource } from './attachment.js';
import { avatar } from './avatar.js';
import { byId, h } from './dom.js';
import { overflow, placeOf, type WindowEnds } from './history-window.js';
import { icon } from './icons.js';
import { messageDecorations } from './message-actions.js';

/** A page of a chat's history, as the views show it. */
export interface ShownPage extends WindowEnds {
  messages: ChatMessage[];
}

export interface ConversationHandlers {
  onSend(text: string): void;
  /** Files picked with the attach button were sent, with the composer's text as the caption. */
  onSendFiles(files: File[], caption: string): void;
  /** The composer's text changed: `hasText` tells whether there is something typed. */
  onInput(hasText: boolean): void;
  onBack(): void;
  /** Reads a page of the open chat's history (scrolling back or forward). */
  loadPage(chatId: string, range: { before: string } | { after: string }): Promise<ShownPage>;
}

/**
 * The open conversation: header (avatar, name, presence line), messages with ticks and date
 * separators, composer. Messages are `li[data-message-id]`; outgoing ones have `data-status`
 * (pending, sent, delivered, read, failed). Only a window of the history is in the DOM (see
 * history-window.ts): scrolling near either end reads the next page from the client. Enter sends,
 * Shift+Enter starts a new line, Escape goes back to the chat list.
 */
export class ConversationView {
  private readonly section = byId('chat', HTMLElement);
  private readonly empty = byId('no-chat', HTMLElement);
  private readonly name = byId('peer-name', HTMLElement);
  private readonly face = byId('peer-avatar', HTMLElement);
  private readonly status = byId('peer-status', HTMLElement);
  private readonly list = byId('messages', HTMLOListElement);
  private readonly error = byId('chat-error', HTMLElement);
  private readonly input = byId('message-text', HTMLTextAreaElement);
  private readonly draft = byId('attachment-draft', HTMLElement);
  private chatId: string | undefined;
  private group = false;
  /** The messages in the DOM, by id. */
  private readonly shown = new Map<string, ChatMessage>();
  private ends: WindowEnds = { hasOlder: false, hasNewer: false };
  private loading = false;
  private staged: File[] = [];

  constructor(
    private readonly handlers: ConversationHandlers,
    private readonly media: MediaSource,
    private readonly selfUserId: () => string = () => '',
  ) {
    const file = byId('attach-file', HTMLInputElement);
    file.addEventListener('change', () => {
      this.stage([...this.staged, ...(file.files ?? [])]);
      file.value = '';
    });
    const send = () => {
      const text = this.input.value.trim();
      const files = this.staged;
      if (!text && files.length === 0) return;
      this.input.value = '';
      this.stage([]);
      handlers.onInput(false);
      if (files.length > 0) handlers.onSendFiles(files, text);
      else handlers.onSend(text);
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
      if (event.key === 'Escape' && !(event.target as Element).closest('dialog')) handlers.onBack();
    });
    byId('back', HTMLButtonElement).addEventListener('click', () => handlers.onBack());
    this.list.addEventListener('scroll', () => void this.scrolled(), { passive: true });
  }

  get openChatId(): string | undefined {
    return this.chatId;
  }

  /** Whether the open chat is a group (bubbles of others then name their sender). */
  get isGroup(): boolean {
    return this.group;
  }

  /** Whether the newest messages are in the window (a new one then shows at once). */
  get showsLatest(): boolean {
    return !this.ends.hasNewer;
  }

  /**
   * Shows a chat with its newest page of messages (oldest first) and focuses the composer. `title`
   * is the peer or group name, `subtitle` the presence line or, for a group, its members.
   */
  open(chatId: string, page: ShownPage, header: { title: string; subtitle: string; group: boolean }): void {
    if (this.chatId !== chatId) {
      this.input.value = '';
      this.stage([]);
    }
    this.chatId = chatId;
    this.group = header.group;
    this.section.dataset.kind = header.group ? 'group' : 'direct';
    this.name.textContent = header.title;
    this.face.replaceChildren(avatar(header.title));
    this.status.textContent = header.subtitle;
    this.error.textContent = '';
    this.shown.clear();
    for (const m of page.messages) this.shown.set(m.id, m);
    this.setEnds({ hasOlder: page.hasOlder, hasNewer: page.hasNewer });
    this.list.replaceChildren(...page.messages.map((m) => this.bubble(m)));
    this.renderDays();
    this.empty.hidden = true;
    this.section.hidden = false;
    document.body.classList.add('chat-open');
    this.scrollToEnd();
    this.input.focus();
  }

  close(): void {
    this.chatId = undefined;
    this.group = false;
    this.shown.clear();
    this.list.replaceChildren();
    this.stage([]);
    this.section.hidden = true;
    this.empty.hidden = false;
    document.body.classList.remove('chat-open');
  }

  setPresence(line: string): void {
    this.status.textContent = line;
  }

  /** Turns the composer on or off (off in a group this user has left). */
  setComposerEnabled(enabled: boolean): void {
    for (const control of byId('composer', HTMLFormElement).elements) {
      (control as HTMLInputElement).disabled = !enabled;
    }
  }

  showError(text: string): void {
    this.error.textContent = text;
  }

  /**
   * Shows a message of the open chat in its place (by id, so by time), or updates it when it is
   * shown already. A message past an end of the window that has more beyond it is left for when
   * the user scrolls there.
   */
  upsert(message: ChatMessage): void {
    const existing = this.find(message.id);
    if (existing) {
      this.shown.set(message.id, message);
      existing.replaceWith(this.bubble(message));
      return;
    }
    const ids = this.messageItems();
    const loaded = { first: ids[0]?.dataset.messageId, last: ids.at(-1)?.dataset.messageId };
    if (placeOf(message.id, loaded, this.ends) === 'beyond') return;
    const atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
    this.shown.set(message.id, message);
    this.insertSorted(this.bubble(message));
    if (atEnd || message.outgoing) {
      // Reading the newest messages: the oldest ones leave the DOM.
      this.drop('oldest', overflow(this.shown.size));
    }
    this.renderDays();
    if (atEnd || message.outgoing) this.scrollToEnd();
  }

  /** Takes a message off the screen (cancelled, expired). */
  remove(id: string): void {
    this.find(id)?.remove();
    this.shown.delete(id);
    this.renderDays();
  }

  setStatus(id: string, status: MessageStatus): void {
    const message = this.shown.get(id);
    if (!message?.outgoing) return;
    this.upsert({ ...message, status });
  }

  /** The text of a shown message and this user's reaction to it (for reply, edit and react). */
  messageText(id: string): { text: string; mine: string } | undefined {
    const message = this.shown.get(id);
    if (!message) return undefined;
    const mine = message.reactions?.find((r) => r.userId === this.selfUserId())?.emoji ?? '';
    return { text: message.text, mine };
  }

  private stage(files: File[]): void {
    this.staged = files;
    this.draft.hidden = files.length === 0;
    const cancel = h(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Remove the attachment' },
      icon('close'),
    );
    cancel.addEventListener('click', () => this.stage([]));
    this.draft.replaceChildren(
      icon('attach'),
      h('span', { class: 'draft-names' }, files.map((f) => f.name).join(', ')),
      h('span', { class: 'hint' }, 'Add a caption, then send.'),
      cancel,
    );
    this.input.placeholder = files.length > 0 ? 'Caption (optional)' : 'Message';
    if (files.length > 0) this.input.focus();
  }

  private async scrolled(): Promise<void> {
    const chatId = this.chatId;
    if (!chatId || this.loading) return;
    const fromBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight;
    const items = this.messageItems();
    const older = this.ends.hasOlder && this.list.scrollTop < 400;
    const newer = !older && this.ends.hasNewer && fromBottom < 400;
    const edge = older ? items[0] : newer ? items.at(-1) : undefined;
    const edgeId = edge?.dataset.messageId;
    if (!edge || !edgeId) return;
    this.loading = true;
    this.list.dataset.loading = 'true';
    try {
      const page = await this.handlers.loadPage(chatId, older ? { before: edgeId } : { after: edgeId });
      // The chat was switched or reloaded meanwhile: this page belongs to another window.
      if (this.chatId !== chatId || !edge.isConnected) return;
      // Keep the edge bubble where it is on screen while bubbles come and go around it.
      const top = edge.getBoundingClientRect().top;
      const fresh = page.messages.filter((m) => !this.shown.has(m.id));
      for (const m of fresh) this.shown.set(m.id, m);
      const nodes = fresh.map((m) => this.bubble(m));
      if (older) {
        edge.before(...nodes);
        this.setEnds({ ...this.ends, hasOlder: page.hasOlder });
        this.drop('newest', overflow(this.shown.size));
      } else {
        edge.after(...nodes);
        this.setEnds({ ...this.ends, hasNewer: page.hasNewer });
        this.drop('oldest', overflow(this.shown.size));
      }
      this.renderDays();
      this.list.scrollTop += edge.getBoundingClientRect().top - top;
    } catch (error) {
      this.showError(`Could not read more messages: ${(error as Error).message}`);
    } finally {
      this.loading = false;
      delete this.list.dataset.loading;
    }
  }

  /** Drops `count` bubbles from one end of the window; that end then has more beyond it. */
  private drop(end: 'oldest' | 'newest', count: number): void {
    if (count <= 0) return;
    const items = this.messageItems();
    const gone = end === 'oldest' ? items.slice(0, count) : items.slice(-count);
    for (const li of gone) {
      li.remove();
      this.shown.delete(li.dataset.messageId ?? '');
    }
    this.setEnds(end === 'oldest' ? { ...this.ends, hasOlder: true } : { ...this.ends, hasNewer: true });
  }

  private setEnds(ends: WindowEnds): void {
    this.ends = ends;
    // For tests and styles: whether more history lies beyond each end.
    this.list.dataset.hasOlder = String(ends.hasOlder);
    this.list.dataset.hasNewer = String(ends.hasNewer);
  }

  /** Puts a bubble in id order (ids are time-ordered), searching from the newest end. */
  private insertSorted(li: HTMLLIElement): void {
    const id = li.dataset.messageId ?? '';
    const items = this.messageItems();
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as HTMLLIElement;
      if ((item.dataset.messageId ?? '') < id) {
        item.after(li);
        return;
      }
    }
    this.list.prepend(li);
  }

  /** A date separator above the first message of each day in the window. */
  private renderDays(): void {
    for (const old of this.list.querySelectorAll('li.day')) old.remove();
    const now = Date.now();
    let previous = '';
    for (const li of this.messageItems()) {
      const message = this.shown.get(li.dataset.messageId ?? '');
      if (!message) continue;
      const day = dayKey(message.sentAt);
      if (day !== previous) {
        li.before(h('li', { class: 'day', role: 'separator' }, h('span', {}, dayLabel(message.sentAt, now))));
      }
      previous = day;
    }
  }

  private bubble(message: ChatMessage): HTMLLIElement {
    return bubble(message, this.group, this.media, this.selfUserId());
  }

  private messageItems(): HTMLLIElement[] {
    return [...this.list.querySelectorAll<HTMLLIElement>(':scope > li[data-message-id]')];
  }

  private find(id: string): HTMLLIElement | undefined {
    return this.messageItems().find((li) => li.dataset.messageId === id);
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
  }
}

function bubble(message: ChatMessage, group: boolean, media: MediaSource, self: string): HTMLLIElement {
  const extra = messageDecorations(message, self);
  const direction = message.outgoing ? 'out' : 'in';
  const sender = message.from;
  // An unsent attachment of an earlier visit has no uploaded file to show: its label stands in.
  const showFile = message.media && !(isUnsent(message) && !media.has(message.id));
  const content =
    message.media && showFile ? attachment(message.id, message.media, media) : textWithLinks(message.text);
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
      'data-media': showFile ? message.media?.kind : undefined,
      'data-captioned': showFile && message.media?.caption ? true : undefined,
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

/** Message text with its http(s) URLs as links that open in a new tab without access to this one. */
function textWithLinks(text: string): HTMLSpanElement {
  return h(
    'span',
    { class: 'text' },
    ...linkParts(text).map((part) =>
      'href' in part
        ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, part.text)
        : part.text,
    ),
  );
}

function fillTicks(mark: Element, status: MessageStatus | undefined): void {
  const { icon: name, label } = ticks(status);
  mark.replaceChildren(icon(name));
  mark.setAttribute('aria-label', label);
  mark.setAttribute('title', label);
}
