import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildCommand, ChildConfig, ChildReport } from './chaos-child.js';
import { type ClientRecord, type LedgerLine, readLedgerFile, summarize } from './client-ledger-file.js';

/**
 * The parent's handle on a chaos client process (chaos-child.ts): starts it, forwards sends,
 * SIGKILLs and restarts it on the same store, and feeds what it reports to the run's live view.
 * The ledger file is the final word (the live view can miss the last reports before a kill).
 */

const script = fileURLToPath(new URL('./chaos-child.ts', import.meta.url));
/** Most time a child gets to open its store and wire its client. */
const START_MS = 60_000;
/** Most time a closing child gets before SIGKILL. */
const CLOSE_MS = 10_000;

export interface ChildEvents {
  line(line: LedgerLine): void;
  state(state: string): void;
  undecryptable(): void;
}

export class ChildClient {
  private proc: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output = '';
  /** Texts handed to the current or an earlier process, waiting for an intent line to show they got there. */
  private readonly commanded = new Map<string, (id: string | null) => void>();
  private readonly waiting = new Map<string, (id: string | null) => void>();
  /** Times the process was SIGKILLed. */
  kills = 0;
  /** Its client connected and published its keys at least once (in any lifetime). */
  published = false;

  constructor(
    private readonly config: ChildConfig,
    private readonly events: ChildEvents,
  ) {}

  get alive(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Starts the process; resolves once its client is wired (it then connects by itself). */
  async start(urls: readonly string[]): Promise<void> {
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, CHAOS_CHILD: JSON.stringify({ ...this.config, urls: [...urls] }) },
    });
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const keep = (d: string) => {
      this.output = (this.output + d).slice(-20_000);
    };
    proc.stdout?.setEncoding('utf8').on('data', keep);
    proc.stderr?.setEncoding('utf8').on('data', keep);
    // A command written just as the process dies fails with EPIPE: what it asked is settled by kill().
    proc.on('error', (error) => keep(`\n[chaos parent] ${String(error)}\n`));
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`chaos client ${this.config.userId} did not start`)), START_MS);
      proc.on('message', (raw) => {
        const r = raw as ChildReport;
        if (r.t === 'started') {
          clearTimeout(timer);
          resolve();
        } else this.onReport(r);
      });
      void this.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`chaos client ${this.config.userId} exited while starting:\n${this.output}`));
      });
    });
    await started;
  }

  /** Hands a send to the process; `settle` gets its id, or null when it was never sent. */
  send(chat: string, text: string, settle: (id: string | null) => void): void {
    if (!this.alive) {
      settle(null);
      return;
    }
    this.commanded.set(text, settle);
    this.command({ t: 'send', chat, text });
  }

  command(c: ChildCommand): void {
    if (!this.alive) return;
    this.proc?.send(c, (error) => {
      if (error) this.output += `\n[chaos parent] ${c.t} not delivered: ${String(error)}\n`;
    });
  }

  /**
   * SIGKILL (`how` 'now'), or ('after-store') let the process kill itself right after its next
   * transaction that stores an event with its state, SIGKILLed here past `boundMs` if none comes.
   * Sends the process never got to are then settled as never sent (the file has no intent for them).
   */
  async kill(how: 'now' | 'after-store' = 'now', boundMs = 5_000): Promise<void> {
    if (how === 'after-store') {
      this.command({ t: 'crash-after-store' });
      const timer = setTimeout(() => this.proc?.kill('SIGKILL'), boundMs);
      await this.exited;
      clearTimeout(timer);
    } else this.proc?.kill('SIGKILL');
    await this.exited;
    this.kills++;
    const r = summarize(readLedgerFile(this.config.ledger));
    for (const [text, settle] of this.commanded) {
      if (r.ids.has(text)) settle(r.ids.get(text) ?? null);
      else if (r.dropped.has(text) || !r.intents.has(text)) settle(null);
      else this.waiting.set(text, settle); // queued or not: the next start looks in the store
      this.commanded.delete(text);
    }
  }

  /** Asks the process to close its client and exit; SIGKILL past a bound. */
  async close(): Promise<void> {
    if (!this.alive) return;
    this.command({ t: 'close' });
    const timer = setTimeout(() => this.proc?.kill('SIGKILL'), CLOSE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** The ledger file, summed up over every lifetime. */
  record(): ClientRecord {
    return summarize(readLedgerFile(this.config.ledger));
  }

  lastOutput(): string {
    return this.output;
  }

  private onReport(r: ChildReport): void {
    if (r.t === 'ready') this.published = true;
    else if (r.t === 'state') this.events.state(r.state);
    else if (r.t === 'undecryptable') this.events.undecryptable();
    else if (r.t === 'line') {
      const line = r.line;
      if (line.k === 'id' || line.k === 'dropped') {
        const settle = this.commanded.get(line.text) ?? this.waiting.get(line.text);
        this.commanded.delete(line.text);
        this.waiting.delete(line.text);
        settle?.(line.k === 'id' ? line.id : null);
      }
      this.events.line(line);
    }
  }
}
