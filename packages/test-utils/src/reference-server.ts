// The reference server (examples/server) as a child process, the way `pnpm start` runs it.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnWatched, tsxArgs, waitForOutput } from './child-process.js';

// The example's own folder: `src/main.ts` runs from there, as `pnpm start` runs it.
const packageDir = fileURLToPath(new URL('../../../examples/server/', import.meta.url));

/** The reference server running as a child process, the way `pnpm start` runs it. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** ws://host:port from the listening line. */
  url: string;
  /** http://host:port of the same server. */
  httpUrl: string;
  /** The data directory from the listening line. */
  dataDir: string;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const LISTENING = /^Parley reference server listening on (ws:\/\/(\S+)) \(data: (.+)\)$/m;

/**
 * Starts the reference server's `src/main.ts` with node + tsx and the `source` condition, without the
 * PARLEY_* variables of the calling shell; resolves once it printed its listening line.
 */
export async function startServer(args: string[], timeoutMs = 20_000): Promise<ServerProcess> {
  const env = { ...process.env };
  delete env.INIT_CWD;
  delete env.PARLEY_HOST;
  delete env.PARLEY_PORT;
  delete env.PARLEY_DATA;
  const server = spawnWatched(process.execPath, tsxArgs('src/main.ts', args), { cwd: packageDir, env });
  const match = await waitForOutput(
    server,
    'reference server',
    () => LISTENING.exec(server.stdout()) ?? undefined,
    timeoutMs,
  );
  return {
    child: server.proc,
    url: match[1]!,
    httpUrl: `http://${match[2]!}`,
    dataDir: match[3]!,
    stdout: server.stdout,
    stop: server.stop,
  };
}
