import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

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

/** Starts `src/main.ts` with node + tsx and the `source` condition; resolves once it printed its listening line. */
export async function startServer(args: string[], timeoutMs = 20_000): Promise<ServerProcess> {
  const env = { ...process.env };
  delete env.INIT_CWD;
  delete env.PARLEY_HOST;
  delete env.PARLEY_PORT;
  delete env.PARLEY_DATA;
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/main.ts', ...args], {
    cwd: packageDir,
    env,
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    const check = () => {
      const m = out.match(LISTENING);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(m);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\nstdout: ${out}\nstderr: ${err}`));
    });
  });

  return {
    child,
    url: match[1]!,
    httpUrl: `http://${match[2]!}`,
    dataDir: match[3]!,
    stdout: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
