// Child processes the tests start (servers, gateways, the chat, Redis, PostgreSQL), with their output
// kept for waiting on a line and for the error message when one fails.
import { type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio, spawn } from 'node:child_process';

/** A child process whose output is kept. */
export interface WatchedProcess {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** stdout and stderr together, in the order they arrived. */
  output(): string;
  /** The exit code (null after a signal), once the process exited. */
  readonly exited: Promise<number | null>;
  /** Sends `signal` unless the process already exited, and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `command` with stdin, stdout and stderr piped, and keeps what it writes. */
export function spawnWatched(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio = {},
): WatchedProcess {
  const proc = spawn(command, args, { ...options, stdio: 'pipe' });
  let out = '';
  let err = '';
  let both = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    both += chunk;
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    both += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    output: () => both,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Node's arguments to run a TypeScript entry point as the package scripts do: tsx, `source` condition. */
export const tsxArgs = (script: string, args: readonly string[] = []): string[] => [
  '--import',
  'tsx',
  '--conditions=source',
  script,
  ...args,
];

/**
 * Resolves with what `ready()` returns once it returns something, checked whenever the child writes.
 * When the child exits first, or nothing comes within `timeoutMs` (a hang, not a speed bound), the
 * child is killed and the promise rejects with its output.
 */
export function waitForOutput<T>(
  child: WatchedProcess,
  what: string,
  ready: () => T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.proc.stdout.off('data', check);
      child.proc.stderr.off('data', check);
      outcome();
    };
    const fail = (why: string) =>
      finish(() => {
        void child.stop('SIGKILL');
        reject(new Error(`${what} ${why}:\n${child.output()}`));
      });
    function check() {
      const value = ready();
      if (value !== undefined) finish(() => resolve(value));
    }
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    child.proc.stdout.on('data', check);
    child.proc.stderr.on('data', check);
    void child.exited.then((code) => {
      check(); // the ready line may have come with the last output
      fail(`exited with ${code} before it was ready`);
    });
    check();
  });
}
