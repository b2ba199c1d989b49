import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedPort } from './services.js';

/**
 * Processes the cluster fault tests own and kill: gateways, a Redis server and a PostgreSQL
 * cluster of their own (never the machine's shared ones, which other test files use in parallel).
 */

const gatewayScript = fileURLToPath(new URL('../fixtures/cluster-faults-gateway.ts', import.meta.url));

/** A child process with its output kept for error messages. */
interface Child {
  proc: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

function spawnChild(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number }) {
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { proc, output: () => out, exited } satisfies Child;
}

/** Resolves when `ready()` is true, rejects with the child's output when it exits or times out first. */
async function waitUntil(child: Child, what: string, ready: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  while (!ready()) {
    if (dead) throw new Error(`${what} exited before it was ready:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function kill(child: Child, signal: NodeJS.Signals): Promise<void> {
  if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill(signal);
  await child.exited;
}

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
  const child = spawnChild(process.execPath, ['--conditions=source', '--import', 'tsx', gatewayScript], {
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
  const listening = () => /^LISTENING (\S+)$/m.exec(child.output())?.[1];
  try {
    await waitUntil(child, `gateway ${options.gatewayId}`, () => listening() !== undefined);
  } catch (error) {
    await kill(child, 'SIGKILL');
    throw error;
  }
  return { url: listening() as string, kill: () => kill(child, 'SIGKILL'), output: child.output };
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
  let child: Child | undefined;
  const start = async () => {
    const c = spawnChild(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
    child = c;
    await waitUntil(c, 'redis-server', () => c.output().includes('Ready to accept connections'));
  };
  await start();
  const stop = async () => {
    if (child) await kill(child, 'SIGKILL');
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
  const init = spawnChild(
    join(bin, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions'],
    user,
  );
  await init.exited;
  if (init.proc.exitCode !== 0) throw new Error(`initdb failed:\n${init.output()}`);
  const port = await closedPort();
  let child: Child | undefined;
  const start = async () => {
    const c = spawnChild(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      user,
    );
    child = c;
    await waitUntil(c, 'postgres', () => c.output().includes('ready to accept connections'));
  };
  await start();
  const stop = async () => {
    if (child) await kill(child, 'SIGQUIT');
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
