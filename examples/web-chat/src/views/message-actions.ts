import { type ChatMessage, isUnsent } from '../chat-message.js';
import { byId, h } from './dom.js';
import { type IconName, icon } from './icons.js';

// Reply, react, edit and delete for everyone on a message, and the chat's disappearing-messages
// timer. The buttons live in each bubble (`messageDecorations`); clicks are caught once on the
// message list. Reply and edit put the composer in a mode the next send uses.

export interface MessageActionHandlers {
  react(messageId: string, emoji: string): void;
  deleteForEveryone(messageId: string): void;
  setDisappearing(seconds: number): void;
  /** Sends a failed message again. */
  retry(messageId: string): void;
  /** Takes back a message still waiting to go out. */
  cancel(messageId: string): void;
}

/** The reaction the react button adds (a thumbs up). */
export const LIKE = '\u{1F44D}';

/** What the next send from the composer does. */
export type ComposerMode = { kind: 'send' } | { kind: 'reply' | 'edit'; messageId: string; label: string };

const TIMERS: Array<[number, string]> = [
  [0, 'Off'],
  [86_400, '24 hours'],
  [604_800, '7 days'],
  [7_776_000, '90 days'],
];

/** The quote, the edited and deleted marks, the reactions and the action buttons of one bubble. */
export function messageDecorations(message: ChatMessage, selfUserId: string) {
  const quote = message.quote
    ? h('blockquote', { class: 'quote' }, `${message.quote.userId}: ${message.quote.text}`)
    : undefined;
  const mine = message.reactions?.find((r) => r.userId === selfUserId)?.emoji ?? '';
  const reactions = message.reactions?.length
    ? h('span', { class: 'reactions' }, ...message.reactions.map((r) => reaction(r.emoji, r.userId)))
    : undefined;
  const mark = message.deleted
    ? h('span', { class: 'deleted-mark' }, icon('deleted', 'deleted'))
    : message.edited
      ? h('span', { class: 'edited-mark' }, 'edited')
      : undefined;
  const button = (action: string, label: string, name: IconName, text?: string) =>
    h(
      'button',
      { type: 'button', class: 'action', 'data-action': action, 'aria-label': text ? undefined : label, title: label },
      icon(name),
      text,
    );
  const actions = isUnsent(message)
    ? h(
        'span',
        { class: 'actions unsent' },
        message.status === 'failed'
          ? button('retry', 'Send again', 'retry', 'Retry')
          : button('cancel', 'Cancel sending', 'close'),
      )
    : message.deleted
      ? undefined
      : h(
          'span',
          { class: 'actions' },
          button('reply', 'Reply', 'reply'),
          button('react', mine === LIKE ? 'Remove reaction' : 'React with a thumbs up', 'like'),
          message.outgoing && !message.media ? button('edit', 'Edit', 'edit') : undefined,
          message.outgoing ? button('delete', 'Delete for everyone', 'trash') : undefined,
        );
  return { quote, after: [mark, reactions, actions], mine };
}

/** Reply and edit modes of the composer, the action clicks, and the disappearing-messages setting. */
export class MessageActionsView {
  private mode: ComposerMode = { kind: 'send' };
  private readonly banner = h('p', { id: 'composer-mode', hidden: true });
  private readonly timer = h(
    'select',
    { id: 'disappearing', 'aria-label': 'Disappearing messages' },
    ...TIMERS.map(([s, label]) => h('option', { value: String(s) }, label)),
  );

  constructor(
    handlers: MessageActionHandlers,
    textOf: (messageId: string) => { text: string; mine: string } | undefined,
  ) {
    const list = byId('messages', HTMLOListElement);
    const composer = byId('composer', HTMLFormElement);
    const input = byId('message-text', HTMLTextAreaElement);
    composer.before(this.banner);
    byId('peer-status', HTMLElement).after(
      h('label', { class: 'disappearing', title: 'Disappearing messages' }, icon('timer'), this.timer),
    );
    this.timer.addEventListener('change', () => handlers.setDisappearing(Number(this.timer.value)));
    this.banner.addEventListener('click', () => this.reset());
    list.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
      const id = button?.closest<HTMLElement>('li[data-message-id]')?.dataset.messageId;
      if (!button || !id) return;
      const shown = textOf(id);
      switch (button.dataset.action) {
        case 'reply':
          this.set({ kind: 'reply', messageId: id, label: `Replying to: ${shown?.text ?? ''}` });
          input.focus();
          break;
        case 'edit':
          this.set({ kind: 'edit', messageId: id, label: 'Editing your message' });
          input.value = shown?.text ?? '';
          input.focus();
          break;
        case 'react':
          handlers.react(id, shown?.mine === LIKE ? '' : LIKE);
          break;
        case 'retry':
          handlers.retry(id);
          break;
        case 'cancel':
          handlers.cancel(id);
          break;
        case 'delete':
          handlers.deleteForEveryone(id);
          break;
      }
    });
  }

  /** What the next send does; back to a plain send afterwards. */
  take(): ComposerMode {
    const mode = this.mode;
    this.reset();
    return mode;
  }

  /** Shows the open chat's timer. */
  showTimer(seconds: number): void {
    this.timer.value = String(seconds);
  }

  reset(): void {
    this.set({ kind: 'send' });
  }

  private set(mode: ComposerMode): void {
    this.mode = mode;
    this.banner.hidden = mode.kind === 'send';
    this.banner.textContent = mode.kind === 'send' ? '' : `${mode.label} (click to cancel)`;
  }
}

/** A reaction: a thumbs up drawn as an icon (no emoji font needed), any other emoji as text. */
function reaction(emoji: string, userId: string): HTMLSpanElement {
  return h(
    'span',
    { class: 'reaction', 'data-emoji': emoji },
    emoji === LIKE ? icon('like', LIKE) : emoji,
    ` ${userId}`,
  );
}
