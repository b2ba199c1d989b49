import { fileURLToPath } from 'node:url';
import { spawnWatched, tsxArgs, waitForOutput } from '@parley/test-utils/child-process';

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
  const cluster = spawnWatched(process.execPath, tsxArgs('src/main.ts', args), {
    cwd: packageDir,
    env: { ...process.env, ...env },
  });
  const gateways = Number(args[args.indexOf('--gateways') + 1] ?? 2);
  const urls = await waitForOutput(
    cluster,
    'cluster',
    () => {
      const found = [...cluster.output().matchAll(LISTENING)].sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''));
      return found.length < gateways ? undefined : found.map((m) => m[2] as string);
    },
    timeoutMs,
  );
  return { urls, output: cluster.output, stop: () => cluster.stop('SIGINT') };
}
