import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const LISTENING = /^gateway (\S+) listening on (ws:\/\/\S+)$/gm;

/** `pnpm cluster` running as a child process. */
export interface ClusterProcess {
  /** ws:// URL of each gateway, in gateway order (g1, g2, ...). */
  urls: string[];
  output(): string;
  /** Ctrl-C: resolves with the exit code once every gateway stopped. */
  stop(): Promise<number | null>;
}

/** Starts `src/main.ts` with the given arguments; resolves once every gateway printed its URL. */
export async function startCluster(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<ClusterProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'src/main.ts', ...args],
    { cwd: packageDir, env: { ...process.env, ...env }, stdio: 'pipe' },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gateways = Number(args[args.indexOf('--gateways') + 1] ?? 2);
  const urls = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cluster did not start within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    const check = () => {
      const found = [...out.matchAll(LISTENING)].sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''));
      if (found.length < gateways) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve(found.map((m) => m[2] as string));
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`cluster exited with ${code} before listening\n${out}`));
    });
  });
  return {
    urls,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
