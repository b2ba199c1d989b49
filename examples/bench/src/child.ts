import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildMessage, ParentMessage } from './ipc.js';
import { serverNodeFlags } from './server-flags.js';

/** A server child process of the bench. */
export interface ServerChild {
  readonly pid: number;
  readonly port: number;
  /** Sends `message` and resolves with the child's next message of type `reply`. One request at a time per type. */
  request<T extends ChildMessage['type']>(
    message: ParentMessage,
    reply: T,
    timeoutMs?: number,
  ): Promise<Extract<ChildMessage, { type: T }>>;
  /** Graceful stop (bounded); kills the child if it does not exit in time. */
  stop(): Promise<void>;
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function waitFor<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`server child: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.type === type) done(undefined, m);
      else if (m.type === 'failed') done(new Error(`server child failed: ${m.error}`));
    };
    const onExit = (code: number | null) => done(new Error(`server child exited (${code}) before '${type}'`));
    const done = (error?: Error, m?: ChildMessage) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(m as Extract<ChildMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Starts `src/<script>` as a child: TypeScript through the tsx loader, workspace packages from
 * their sources, pinned to `core` with taskset when given. Node gets the servers' V8 flags
 * (`serverNodeFlags`), then PARLEY_BENCH_SERVER_V8_FLAGS, then `nodeFlags` (e.g. --expose-gc).
 */
export async function startServerChild(
  script: string,
  core: number | undefined,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<ServerChild> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  // PARLEY_BENCH_BUILT=1: the server kit and core from their built dist output (what apps run),
  // not from source through tsx, whose name-keeping helpers cost time and memory of their own.
  const conditions = process.env.PARLEY_BENCH_BUILT === '1' ? [] : ['--conditions=source'];
  // PARLEY_BENCH_SERVER_V8_FLAGS: more flags for the server children only (e.g. --trace-deopt).
  const extra = (process.env.PARLEY_BENCH_SERVER_V8_FLAGS ?? '').split(' ').filter((f) => f !== '');
  const nodeArgs = [...serverNodeFlags(), ...extra, ...nodeFlags, ...conditions, '--import', tsxLoader, file];
  const [command, args] =
    core === undefined
      ? [process.execPath, nodeArgs]
      : ['taskset', ['-c', String(core), process.execPath, ...nodeArgs]];
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ready: Extract<ChildMessage, { type: 'ready' }>;
  try {
    ready = await waitFor(child, 'ready', 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid as number;
  return {
    pid,
    port: ready.port,
    async request(message, reply, timeoutMs = 30_000) {
      const answer = waitFor(child, reply, timeoutMs);
      child.send(message);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
