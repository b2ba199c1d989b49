import { fileURLToPath } from 'node:url';
import { spawnWatched, tsxArgs, type WatchedProcess, waitForOutput } from '@parley/test-utils/child-process';

/**
 * The gateway process of a proxy chaos run (sqlite-gateway.ts) on a database file that outlives
 * it: paused (SIGSTOP) and resumed, or SIGKILLed and started again on the same file (on a new
 * port: `port` follows, and the run points the fault proxy at it).
 */

const script = fileURLToPath(new URL('./sqlite-gateway.ts', import.meta.url));

export interface ProxyGatewayOptions {
  db: string;
  heartbeatMs: number;
  idleMs: number;
}

export interface ProxyGateway {
  readonly port: number;
  pause(): void;
  resume(): void;
  /** SIGKILL, then started again on the same database; resolves once it listens. */
  restart(): Promise<void>;
  /** What the current process wrote (warnings, its listening line). */
  output(): string;
  stop(): Promise<void>;
}

async function spawnGateway(o: ProxyGatewayOptions): Promise<{ child: WatchedProcess; port: number }> {
  const child = spawnWatched(process.execPath, tsxArgs(script), {
    env: {
      ...process.env,
      PARLEY_DB: o.db,
      PARLEY_HEARTBEAT_MS: String(o.heartbeatMs),
      PARLEY_IDLE_MS: String(o.idleMs),
    },
  });
  const url = await waitForOutput(child, 'sqlite gateway', () => /^LISTENING (\S+)$/m.exec(child.stdout())?.[1]);
  return { child, port: Number(new URL(url).port) };
}

export async function startProxyGateway(o: ProxyGatewayOptions): Promise<ProxyGateway> {
  let { child, port } = await spawnGateway(o);
  const kill = async () => {
    child.proc.kill('SIGCONT'); // harmless when running; a stopped process dies of SIGKILL either way
    await child.stop('SIGKILL');
  };
  return {
    get port() {
      return port;
    },
    pause: () => child.proc.kill('SIGSTOP'),
    resume: () => child.proc.kill('SIGCONT'),
    async restart() {
      await kill();
      ({ child, port } = await spawnGateway(o));
    },
    output: () => child.output().slice(-20_000),
    stop: kill,
  };
}
