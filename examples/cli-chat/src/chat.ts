import { type ConnectionState, isParleyError, type ParleyClient, type ParleyError } from '@parley/client';
import { parseLine } from './parse-line.js';
import {
  HELP,
  renderError,
  renderFailed,
  renderInfo,
  renderKept,
  renderMessage,
  renderSent,
  renderState,
  renderSynced,
  renderUnreadable,
  renderWaiting,
  sanitize,
} from './render.js';
import type { Terminal } from './terminal.js';

/** Wires the client's events to the terminal, and typed (or piped) lines to the client. */
export class Chat {
  private stopping = false;
  private interrupted = false;
  private exitCode = 0;
  /** Settles when the chat must stop without waiting for unsent messages (signal, refused device). */
  private abort!: () => void;
  private readonly aborted = new Promise<void>((resolve) => {
    this.abort = resolve;
  });
  /** Errors already shown through `message:failed`, so the rejected send does not print them twice. */
  private readonly reported = new WeakSet<ParleyError>();
  private readonly sends: Promise<unknown>[] = [];
  private synced = false;
  private lastState: ConnectionState | undefined;

  constructor(
    private readonly client: ParleyClient,
    private readonly term: Terminal,
    private readonly url: string,
    private readonly color: boolean,
  ) {}

  /**
   * Runs until `/quit`, Ctrl+D or the end of piped input, then waits for the server to take
   * every unsent message (unless interrupted) and closes the client. Resolves with the exit code.
   */
  async run(): Promise<number> {
    this.wireEvents();
    const interrupt = () => this.interrupt();
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    this.term.onInterrupt(interrupt);

    if (this.term.interactive) this.term.print(renderInfo('type @name message to send, /help for help', this.color));
    this.client.connect().catch((error: unknown) => {
      if (isParleyError(error) && this.reported.has(error)) return; // printed by connection:state
      if (this.stopping && isParleyError(error, 'CLOSED')) return;
      this.fatal(`✗ cannot connect as ${this.client.userId}: ${describe(error)}`);
    });

    this.term.prompt();
    for await (const line of this.term.lines()) {
      const parsed = parseLine(line);
      if (parsed.kind === 'command' && parsed.command === 'quit') break;
      if (parsed.kind === 'command') this.term.print(HELP);
      else if (parsed.kind === 'error') this.term.print(renderError(parsed.message, this.color));
      else if (parsed.kind === 'send') this.send(parsed.to, parsed.text);
      else if (parsed.kind === 'history') await this.history(parsed.chatId, parsed.limit);
      this.term.prompt();
    }
    this.term.close();

    await this.waitForOutbox();
    this.stopping = true;
    await this.client.close();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    return this.exitCode;
  }

  private wireEvents(): void {
    const { client, term, color } = this;
    client.on('message:received', (m) => {
      const text = m.content.kind === 'text' ? m.content.text : `[${m.content.kind}]`;
      const time = m.serverTime || m.sentAt;
      term.print(renderMessage({ from: m.from.userId, chatId: m.chatId, text, time, outgoing: m.outgoing }));
    });
    client.on('message:sent', (m) => term.print(renderSent(m.id, m.chatId)));
    client.on('message:failed', (e) => {
      this.reported.add(e.error);
      term.print(renderError(renderFailed(e.id, e.chatId, e.error.code, e.error.message), color));
    });
    client.on('message:undecryptable', (e) =>
      term.print(renderError(renderUnreadable(e.from.userId, e.reason), color)),
    );
    client.on('connection:state', ({ state, reason, error }) => {
      if (this.stopping) return;
      if (state === 'closed' && error) {
        // Refused for good (wrong key, device replaced or revoked, unsupported version): nothing left to do.
        this.reported.add(error);
        this.fatal(`✗ connection to ${this.url} ended: ${describe(error)}`);
        return;
      }
      // Each retry reports 'reconnecting' again: print transitions only.
      if (state === this.lastState) return;
      this.lastState = state;
      if (state === 'connected') this.synced = false;
      term.print(renderState(state, reason, this.url, color));
    });
    client.on('sync:progress', ({ received, done }) => {
      if (!done || this.synced) return;
      this.synced = true;
      term.print(renderSynced(received, color));
    });
  }

  /** Prints the last messages of a chat from the local history (works offline), with their status. */
  private async history(chatId: string, limit: number): Promise<void> {
    try {
      const { messages, hasOlder } = await this.client.messages(chatId).page({ limit });
      if (messages.length === 0) this.term.print(renderInfo(`no messages with ${sanitize(chatId)} yet`, this.color));
      if (hasOlder) this.term.print(renderInfo('… older messages not shown', this.color));
      for (const m of messages) {
        const text = m.content.kind === 'text' ? m.content.text : `[${m.content.kind}]`;
        const line = renderMessage({
          from: m.from.userId,
          chatId: m.chatId,
          text,
          time: m.serverTime || m.sentAt,
          outgoing: m.outgoing,
        });
        this.term.print(m.outgoing ? `${line}  (${m.status})` : line);
      }
    } catch (error) {
      this.term.print(renderError(`✗ no history for ${sanitize(chatId)}: ${describe(error)}`, this.color));
    }
  }

  private send(to: string, text: string): void {
    const sending = this.client.sendText(to, text).catch((error: unknown) => {
      if (isParleyError(error) && this.reported.has(error)) return; // printed by message:failed
      if (this.stopping && isParleyError(error, 'CLOSED')) return; // stays in the outbox
      this.term.print(renderError(`✗ not sent to ${sanitize(to)}: ${describe(error)}`, this.color));
    });
    this.sends.push(sending);
  }

  /** After input ended: wait until the server acknowledged everything, unless told to stop. */
  private async waitForOutbox(): Promise<void> {
    const drained = (async () => {
      await Promise.all(this.sends);
      // Messages left unsent by an earlier run are in the outbox too.
      await new Promise<void>((resolve) => {
        const check = () => {
          if (this.client.pendingSends > 0) return;
          this.client.off('message:sent', check).off('message:failed', check);
          resolve();
        };
        this.client.on('message:sent', check).on('message:failed', check);
        check();
      });
    })();
    const notice = setTimeout(() => {
      const n = this.client.pendingSends;
      if (n > 0) this.term.print(renderWaiting(n, this.color));
    }, 1000);
    await Promise.race([drained, this.aborted]);
    clearTimeout(notice);
    const left = this.client.pendingSends;
    if (left > 0) this.term.print(renderKept(left, this.color));
  }

  /** Stops the chat with exit code 1 after printing why. */
  private fatal(message: string): void {
    this.term.print(renderError(message, this.color));
    this.exitCode = 1;
    this.abort();
    this.term.close();
  }

  /** Ctrl+C or SIGTERM: stop without waiting for the server (unsent messages stay queued). Twice: exit now. */
  private interrupt(): void {
    if (this.interrupted) process.exit(130);
    this.interrupted = true;
    this.abort();
    this.term.close();
  }
}

function describe(error: unknown): string {
  if (isParleyError(error)) {
    return error.message && error.message !== error.code ? `${error.code} (${sanitize(error.message)})` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
