import {
  type ConnectionState,
  isParleyError,
  type ParleyClient,
  type ParleyError,
  type ReceivedMessage,
} from '@parley/client';
import { ChatCommands } from './chat-commands.js';
import { GroupDirectory } from './group-directory.js';
import { printIdentityNotices } from './identity-notices.js';
import { parseLine } from './parse-line.js';
import {
  chatLabel,
  HELP,
  renderError,
  renderFailed,
  renderInfo,
  renderKept,
  renderMedia,
  renderMessage,
  renderReceipt,
  renderSent,
  renderState,
  renderSynced,
  renderUnreadable,
  renderWaiting,
  sanitize,
} from './render.js';
import type { Terminal } from './terminal.js';

/** How many received files `/save` can still find. */
const SAVEABLE_FILES = 200;

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
  private readonly groups: GroupDirectory;
  private readonly commands: ChatCommands;
  /** Received files by short id, newest last, for `/save`. */
  private readonly files = new Map<string, ReceivedMessage>();
  /**
   * Event lines that need a lookup (a group's name) print through this chain, so they appear in
   * the order the events came.
   */
  private printing: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: ParleyClient,
    private readonly term: Terminal,
    private readonly url: string,
    private readonly color: boolean,
  ) {
    this.groups = new GroupDirectory(client);
    this.commands = new ChatCommands(client, this.groups, {
      print: (line) => this.term.print(line),
      error: (line) => this.term.print(renderError(line, this.color)),
      describe,
      track: (sending) => this.track(sending),
      file: (id) => this.files.get(id),
    });
  }

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
      this.fatal(`✗ cannot connect as ${this.client.userId}: ${describe(error)}${authHint(error)}`);
    });

    this.term.prompt();
    for await (const line of this.term.lines()) {
      const parsed = parseLine(line);
      if (parsed.kind === 'command' && parsed.command === 'quit') break;
      if (parsed.kind === 'command') this.term.print(HELP);
      else if (parsed.kind === 'error') this.term.print(renderError(parsed.message, this.color));
      else if (parsed.kind !== 'empty') await this.commands.run(parsed);
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
    printIdentityNotices(client, (line) => term.print(line), color);
    client.on('message:received', (m) => {
      if (m.content.kind === 'media') this.rememberFile(m);
      const text = m.content.kind === 'text' ? m.content.text : renderMedia({ ...m.content.media, id: m.id });
      const time = m.serverTime || m.sentAt;
      this.printInOrder(async () => {
        const groupName = await this.groups.nameOf(m.chatId);
        return renderMessage({ from: m.from.userId, chatId: m.chatId, groupName, text, time, outgoing: m.outgoing });
      });
    });
    client.on('message:sent', (m) =>
      this.printInOrder(async () => renderSent(m.id, chatLabel(m.chatId, await this.groups.nameOf(m.chatId)))),
    );
    client.on('receipt:updated', (r) =>
      this.printInOrder(async () => {
        const chat = chatLabel(r.chatId, await this.groups.nameOf(r.chatId));
        return renderReceipt(r.messageId, r.status, r.by, chat, color);
      }),
    );
    client.on('group:updated', ({ group, action, actor, userIds }) => {
      const who = userIds.length > 0 ? ` ${userIds.map(sanitize).join(', ')}` : '';
      this.printInOrder(async () => renderInfo(`[${sanitize(group.name)}] ${sanitize(actor)}: ${action}${who}`, color));
    });
    client.on('group:flagged', ({ groupId, reason }) =>
      this.printInOrder(async () =>
        renderError(`✗ refused a group change from the server (${groupId.slice(0, 8)}): ${sanitize(reason)}`, color),
      ),
    );
    client.on('message:failed', (e) => {
      this.reported.add(e.error);
      this.printInOrder(async () =>
        renderError(
          renderFailed(e.id, chatLabel(e.chatId, await this.groups.nameOf(e.chatId)), e.error.code, e.error.message),
          color,
        ),
      );
    });
    client.on('message:undecryptable', (e) =>
      term.print(renderError(renderUnreadable(e.from.userId, e.reason), color)),
    );
    client.on('connection:state', ({ state, reason, error }) => {
      if (this.stopping) return;
      if (state === 'closed' && error) {
        // Refused for good (wrong key, device replaced or revoked, unsupported version): nothing left to do.
        this.reported.add(error);
        this.fatal(`✗ connection to ${this.url} ended: ${describe(error)}${authHint(error)}`);
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

  private track(sending: Promise<unknown>): void {
    this.sends.push(
      sending.catch((error: unknown) => {
        if (isParleyError(error) && this.reported.has(error)) return; // printed by message:failed
        if (this.stopping && isParleyError(error, 'CLOSED')) return; // stays in the outbox
        this.term.print(renderError(`✗ not sent: ${describe(error)}`, this.color));
      }),
    );
  }

  private rememberFile(m: ReceivedMessage): void {
    this.files.set(m.id.slice(-8), m);
    if (this.files.size > SAVEABLE_FILES) this.files.delete(this.files.keys().next().value!);
  }

  private printInOrder(line: () => Promise<string>): void {
    this.printing = this.printing.then(line).then(
      (text) => this.term.print(text),
      (error: unknown) => this.term.print(renderError(`✗ ${describe(error)}`, this.color)),
    );
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

/** What to do when the server refuses this device as a new device of an existing user. */
export function authHint(error: unknown): string {
  if (!isParleyError(error, 'AUTH_FAILED') || !/approved by an existing device/.test(error.message)) return '';
  return (
    '\n  This name already belongs to another device (a terminal, browser or script that signed in with it).' +
    '\n  Pick another name, link this device from that one (see the README), or start over with fresh demo' +
    '\n  data: stop the server and delete .parley-data (or run pnpm start --data <another dir>).'
  );
}
