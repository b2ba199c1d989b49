// One generator thread seen from the main thread: start it, post to it, wait (bounded) for its
// answers, end it. A thread that fails or exits early fails every wait, now and later.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromThread, ToThread } from './protocol.js';

const entry = new URL(`./thread-main.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * The bench runs from TypeScript sources through tsx, whose loader does not reach worker threads
 * on Node 20 by `--import` alone: the thread registers it first (tsx's API), then imports its entry.
 * `--conditions=source` resolves @parley/* to their sources, as the bench's scripts do.
 */
function spawn(): Worker {
  if (!entry.href.endsWith('.ts')) return new Worker(entry);
  // tsx's ESM API (its `exports` entry `./esm/api`, import condition); require.resolve would give the CJS one.
  const tsxApi = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: ['--conditions=source'] });
}

type Answer<T extends FromThread['type']> = Extract<FromThread, { type: T }>;

export class GeneratorThread {
  private readonly worker = spawn();
  private failure: Error | undefined;
  private readonly waiters = new Set<(m: FromThread | Error) => void>();
  private readonly exited: Promise<void>;

  constructor(readonly index: number) {
    this.worker.on('message', (m: FromThread) => {
      if (m.type === 'failed') this.fail(new Error(`generator thread ${index}: ${m.error}`));
      else for (const w of [...this.waiters]) w(m);
    });
    this.worker.on('error', (error) => this.fail(new Error(`generator thread ${index}: ${String(error)}`)));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.fail(new Error(`generator thread ${index} exited (${code})`));
        resolve();
      }),
    );
  }

  /** Why the thread stopped working, if it did. */
  get error(): Error | undefined {
    return this.failure;
  }

  post(m: ToThread, transfer: ArrayBuffer[] = []): void {
    if (!this.failure) this.worker.postMessage(m, transfer);
  }

  /** Resolves with the thread's next `type` answer; rejects on its failure or after `timeoutMs`. */
  answer<T extends FromThread['type']>(type: T, timeoutMs: number): Promise<Answer<T>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`generator thread ${this.index}: no '${type}' within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const done = (m: FromThread | Error) => {
        if (!(m instanceof Error) && m.type !== type) return;
        clearTimeout(timer);
        this.waiters.delete(done);
        if (m instanceof Error) reject(m);
        else resolve(m as Answer<T>);
      };
      this.waiters.add(done);
    });
  }

  /** Ends the thread (its sockets die with it) and waits for it to exit. */
  async terminate(): Promise<void> {
    this.failure ??= new Error(`generator thread ${this.index} terminated`);
    await this.worker.terminate();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of [...this.waiters]) w(this.failure);
  }
}
