import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnWatched, tsxArgs, type WatchedProcess, waitForOutput } from './child-process.js';
import { closedPort } from './free-port.js';

/**
 * Processes the cluster fault tests own and kill: gateways, a Redis server and a PostgreSQL
 * cluster of their own (never the machine's shared ones, which other test files use in parallel).
 */

/** The gateway child script the fault tests run (tsx, `source` condition). */
export const gatewayScript = fileURLToPath(new URL('../fixtures/cluster-faults-gateway.ts', import.meta.url));

/** A gateway child process. */
export interface GatewayProcess {
  readonly url: string;
  /** SIGKILL: the process dies mid-flight, without closing a socket or finishing a request. */
  kill(): Promise<void>;
  /** What it wrote so far (its listening line, warnings). */
  output(): string;
}

export interface GatewayOptions {
  databaseUrl: string;
  schema: string;
  redisUrl: string;
  redisPrefix: string;
  gatewayId: string;
  /** Commits that do not wait for the disk: only when the PostgreSQL server is not the one killed. */
  asyncCommit?: boolean;
}

/** Starts `fixtures/cluster-faults-gateway.ts` (tsx, `source` condition) and waits for its listening line. */
export async function startGateway(options: GatewayOptions): Promise<GatewayProcess> {
  const child = spawnWatched(process.execPath, tsxArgs(gatewayScript), {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PARLEY_SCHEMA: options.schema,
      REDIS_URL: options.redisUrl,
      PARLEY_REDIS_PREFIX: options.redisPrefix,
      PARLEY_GATEWAY_ID: options.gatewayId,
      PARLEY_PG_ASYNC_COMMIT: options.asyncCommit ? '1' : '0',
    },
  });
  const url = await waitForOutput(
    child,
    `gateway ${options.gatewayId}`,
    () => /^LISTENING (\S+)$/m.exec(child.output())?.[1],
  );
  return {
    url,
    kill: async () => {
      await child.stop('SIGKILL');
    },
    output: child.output,
  };
}

/** A server the test can stop and start again on the same port. */
export interface RestartableService {
  readonly url: string;
  /** Kills the server process (its clients see their connections drop). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  dispose(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port, as the machine's Redis is configured (no
 * persistence: a restart loses every key, the worst case the cluster must survive).
 */
export async function startRedisServer(): Promise<RestartableService> {
  const port = await closedPort();
  let child: WatchedProcess | undefined;
  const start = async () => {
    const c = spawnWatched('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    child = c;
    await waitForOutput(c, 'redis-server', () => c.output().includes('Ready to accept connections') || undefined);
  };
  await start();
  const stop = async () => {
    await child?.stop('SIGKILL');
  };
  return { url: `redis://127.0.0.1:${port}`, start, stop, dispose: stop };
}

/** Where this machine's PostgreSQL binaries are (Debian layout), or undefined. */
function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const dir = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  return dir;
}

/** True when a throwaway PostgreSQL cluster can be made here (initdb and postgres found). */
export const canStartPostgres = (): boolean => postgresBinDir() !== undefined;

/**
 * A throwaway PostgreSQL cluster in a temp directory on a free port (trust auth, database
 * `postgres`). initdb refuses to run as root, so as root it runs as the `postgres` user.
 * `stop()` is an immediate shutdown (SIGQUIT: no checkpoint, crash recovery on the next start),
 * the closest to the server dying; committed transactions survive it, as they must.
 */
export async function startPostgresCluster(): Promise<RestartableService> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'parley-cluster-faults-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
      }
    : {};
  if (asRoot) chownSync(dir, user.uid as number, user.gid as number);
  const data = join(dir, 'data');
  const init = spawnWatched(
    join(bin, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions'],
    user,
  );
  if ((await init.exited) !== 0) throw new Error(`initdb failed:\n${init.output()}`);
  const port = await closedPort();
  let child: WatchedProcess | undefined;
  const start = async () => {
    const c = spawnWatched(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      user,
    );
    child = c;
    await waitForOutput(c, 'postgres', () => c.output().includes('ready to accept connections') || undefined);
  };
  await start();
  const stop = async () => {
    await child?.stop('SIGQUIT');
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
