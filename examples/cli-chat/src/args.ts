import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkUserName } from './user-names.js';

/** What the chat needs to start. */
export interface ChatOptions {
  user: string;
  /** Gateway URL, ws:// or wss://. */
  url: string;
  /** Absolute path of this user's client store (device identity, outbox, messages). */
  dataDir: string;
}

export type ParsedChatArgs = { kind: 'run'; options: ChatOptions } | { kind: 'help' };

/** A command-line mistake; the message is meant for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_URL = 'ws://127.0.0.1:8080';

export const USAGE = `Usage: pnpm chat --user <name> [--url <ws-url>] [--data <dir>]

  --user <name>  who you are (required; names are not case-sensitive: Dave is dave)
  --url <url>    server to connect to (env PARLEY_URL, default ${DEFAULT_URL})
  --data <dir>   where this device's identity and unsent messages are kept
                 (default ./.parley-data/cli/<name>, relative to where you ran the command)
  -h, --help     show this help`;

/**
 * Parses the chat's command line. `cwd` is the directory relative paths are resolved against:
 * where the user ran the command (pnpm's INIT_CWD), not the package directory.
 */
export function parseChatArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ParsedChatArgs {
  let values: { user?: string | undefined; url?: string | undefined; data?: string | undefined; help?: boolean };
  try {
    ({ values } = parseArgs({
      // `pnpm chat -- --user alice` forwards the `--` literally; it separates nothing here.
      args: argv.filter((a) => a !== '--'),
      options: {
        user: { type: 'string', short: 'u' },
        url: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };

  if (!values.user?.trim()) throw new UsageError('--user is required');
  const checked = checkUserName(values.user);
  if (!checked.ok) throw new UsageError(`invalid --user: ${checked.message}`);
  const user = checked.name;
  const url = values.url ?? (env.PARLEY_URL || DEFAULT_URL);
  if (!/^wss?:\/\/[^/\s]+/.test(url)) throw new UsageError(`invalid url "${url}": expected ws://host:port`);
  const dataDir = path.resolve(cwd, values.data ?? path.join('.parley-data', 'cli', encodeURIComponent(user)));
  return { kind: 'run', options: { user, url, dataDir } };
}

/** The directory the user invoked the command from: pnpm runs scripts in the package dir but sets INIT_CWD. */
export function invocationDir(env: Readonly<Record<string, string | undefined>>, fallback: string): string {
  return env.INIT_CWD || fallback;
}
