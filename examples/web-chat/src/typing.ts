/** How often "typing" is repeated while the user keeps typing (the server lets it expire after 10 s). */
export const TYPING_REFRESH_MS = 5_000;
/** After this long without a keystroke the user counts as stopped. */
export const TYPING_IDLE_MS = 4_000;

type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
};

const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Turns composer input into setTyping calls: true on the first keystroke and again every
 * {@link TYPING_REFRESH_MS} while typing goes on, false after {@link TYPING_IDLE_MS} without a
 * keystroke, when the text is cleared or sent, or when the chat changes.
 */
export class TypingSender {
  private chatId: string | undefined;
  private sentAt = 0;
  private idle: unknown;

  constructor(
    private readonly send: (chatId: string, typing: boolean) => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** The composer of `chatId` changed. */
  input(chatId: string, hasText: boolean): void {
    if (this.chatId !== chatId) this.stop();
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.timers.now();
    if (this.chatId === undefined || now - this.sentAt >= TYPING_REFRESH_MS) {
      this.chatId = chatId;
      this.sentAt = now;
      this.send(chatId, true);
    }
    this.timers.clearTimeout(this.idle);
    this.idle = this.timers.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Says "stopped" for the chat being typed in, if any. */
  stop(): void {
    this.timers.clearTimeout(this.idle);
    this.idle = undefined;
    const chatId = this.chatId;
    this.chatId = undefined;
    if (chatId !== undefined) this.send(chatId, false);
  }
}
