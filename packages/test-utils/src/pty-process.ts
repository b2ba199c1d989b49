// A child process on a pseudo-terminal, for tests that type into an interactive program (Ctrl+C,
// line editing) as a user would. util-linux's `script` (Debian's essential bsdutils package) owns the
// terminal, so no native module is needed: what we write to its stdin is typed on the terminal, and
// the terminal's line discipline turns a typed \x03 into SIGINT for the foreground process group.
import type { SpawnOptionsWithoutStdio } from 'node:child_process';
import { spawnWatched, type WatchedProcess } from './child-process.js';

/** A program running on a pseudo-terminal. */
export interface PtyProcess extends WatchedProcess {
  /** Types `text` on the terminal (use `\r` for Enter, `\x03` for Ctrl+C). */
  type(text: string): void;
}

/** Quotes one argument for `sh -c`. */
const shellQuote = (arg: string): string => `'${arg.replaceAll("'", `'\\''`)}'`;

/** Starts `command args` on a new pseudo-terminal; its output (the terminal's) is kept as stdout. */
export function spawnInPty(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio = {},
): PtyProcess {
  const commandLine = [command, ...args].map(shellQuote).join(' ');
  // -q: no start/done lines, -f: flush each write, -e: exit with the child's status, -c: the command;
  // /dev/null: no typescript file.
  const child = spawnWatched('script', ['-qfec', commandLine, '/dev/null'], {
    ...options,
    env: { TERM: 'dumb', COLUMNS: '120', LINES: '40', ...(options.env ?? process.env) },
  });
  return {
    ...child,
    type(text) {
      child.proc.stdin.write(text);
    },
  };
}

/** Terminal output without colour and cursor escapes, with \r\n as \n. */
export function plainTerminalText(output: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what we strip
  return output.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\r\n?/g, '\n');
}
