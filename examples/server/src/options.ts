import path from 'node:path';
import { parseArgs } from 'node:util';

/** What the reference server needs to start. */
export interface ServerOptions {
  host: string;
  port: number;
  /** Absolute path of the data directory (holds `parley.db`). */
  dataDir: string;
  /** The URL hosts clients log in for (`createServer`'s `origins`); undefined: the address each connection arrived on. */
  origins?: string[];
  /**
   * Demo only: a fresh browser or terminal signing in under a used name replaces that user's devices
   * instead of being refused (anyone can then take over any name).
   */
  demoReplaceDevices?: boolean;
}

export type ParsedServerArgs = { kind: 'run'; options: ServerOptions } | { kind: 'help' };

/** A command-line mistake; the message is meant for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA = '.parley-data';

export const USAGE = `Usage: pnpm start [--host <addr>] [--port <n>] [--data <dir>] [--origins <hosts>]
                  [--demo-replace-devices]

  --host <addr>  interface to listen on (env PARLEY_HOST, default ${DEFAULT_HOST})
  --port <n>     port, 0 picks a free one (env PARLEY_PORT, default ${DEFAULT_PORT})
  --data <dir>   data directory, relative to where you ran the command
                 (env PARLEY_DATA, default ${DEFAULT_DATA})
  --origins <hosts>  comma-separated hosts clients connect to, as in their URL
                 ("chat.example.com,chat.example.com:8443"); needed when they use a
                 DNS name or a proxy (env PARLEY_ORIGINS; default: any loopback host
                 for loopback connections, else the address a connection arrived on)
  --demo-replace-devices  demo only: signing in under a name that is in use from a
                 new browser or terminal replaces that user's device instead of
                 failing; anyone can then take over any name
                 (env PARLEY_DEMO_REPLACE_DEVICES=1)
  -h, --help     show this help

Flags take precedence over environment variables.`;

/**
 * Parses the server's command line. Precedence: flag, then environment variable, then default.
 * `cwd` is the directory relative paths are resolved against: where the user ran the command.
 */
export function parseServerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ParsedServerArgs {
  let values: {
    host?: string | undefined;
    port?: string | undefined;
    data?: string | undefined;
    origins?: string | undefined;
    'demo-replace-devices'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      // pnpm may forward a literal `--` before the user's arguments; it separates nothing here.
      args: argv.filter((a) => a !== '--'),
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        origins: { type: 'string' },
        'demo-replace-devices': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };

  const host = pick(values.host, env.PARLEY_HOST) ?? DEFAULT_HOST;
  const portText = pick(values.port, env.PARLEY_PORT);
  const port = portText === undefined ? DEFAULT_PORT : parsePort(portText);
  const data = pick(values.data, env.PARLEY_DATA) ?? DEFAULT_DATA;
  const originsText = pick(values.origins, env.PARLEY_ORIGINS);
  const origins = originsText
    ?.split(',')
    .map((o) => o.trim().toLowerCase())
    .filter((o) => o !== '');
  return {
    kind: 'run',
    options: {
      host,
      port,
      dataDir: path.resolve(cwd, data),
      ...(origins?.length ? { origins } : {}),
      ...(values['demo-replace-devices'] || env.PARLEY_DEMO_REPLACE_DEVICES === '1'
        ? { demoReplaceDevices: true }
        : {}),
    },
  };
}

/** The directory the user invoked the command from: pnpm runs scripts in the package dir but sets INIT_CWD. */
export function invocationDir(env: Readonly<Record<string, string | undefined>>, fallback: string): string {
  return env.INIT_CWD || fallback;
}

function pick(flag: string | undefined, envValue: string | undefined): string | undefined {
  if (flag !== undefined) return flag;
  return envValue === undefined || envValue === '' ? undefined : envValue;
}

function parsePort(text: string): number {
  const port = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`invalid port "${text}": expected an integer from 0 to 65535`);
  }
  return port;
}
